#pragma once

#include <QPlainTextEdit>

namespace Postern {

// A plain-text editor for code: a fixed-width font, no wrapping, and the line numbers in a margin at
// the left (a script error names its line). Tab moves the focus, as in every other field.
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CodeEditor(QWidget *parent = nullptr);

    int lineNumberWidth() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class CodeEditorMargin;
    void paintLineNumbers(QPaintEvent *event);
    void updateMargin(const QRect &rect, int dy);

    QWidget *m_margin;
};

} // namespace Postern
