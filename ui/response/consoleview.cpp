#include "ui/response/consoleview.h"

#include <QFontDatabase>

using namespace Qt::StringLiterals;

namespace Postern {

ConsoleView::ConsoleView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(u"scriptConsole"_s);
    setAccessibleName(tr("Console"));
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setTabChangesFocus(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("console.log() in a script writes here."));
    setMaximumBlockCount(10000);
}

void ConsoleView::setLines(const QList<ScriptConsoleLine> &lines)
{
    clear();
    m_count = 0;
    for (const ScriptConsoleLine &line : lines)
        appendLine(line);
}

void ConsoleView::appendLine(const ScriptConsoleLine &line)
{
    ++m_count;
    appendPlainText(u"[%1] %2    (%3)"_s.arg(line.level, line.text, line.where));
}

QString ConsoleView::tabTitle(qsizetype lineCount)
{
    return lineCount == 0 ? tr("Co&nsole") : tr("Co&nsole (%1)").arg(lineCount);
}

} // namespace Postern
