#pragma once

#include "scripting/scriptvalues.h"

#include <QPlainTextEdit>

namespace Postern {

// The Console pane: what scripts printed with console.log, info, warn and error, one line each,
// with the level and the script it came from. Read-only, selectable, readable by a screen reader.
class ConsoleView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit ConsoleView(QWidget *parent = nullptr);

    void setLines(const QList<ScriptConsoleLine> &lines);
    void appendLine(const ScriptConsoleLine &line);
    int lineCount() const { return m_count; }
    // "Co&nsole (3)", or "Co&nsole" when empty; the static one for lines not shown in a view.
    QString tabTitle() const { return tabTitle(m_count); }
    static QString tabTitle(qsizetype lineCount);

private:
    int m_count = 0;
};

} // namespace Postern
