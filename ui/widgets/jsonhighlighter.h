#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Postern {

// Colours pretty-printed JSON line by line: keys, strings, numbers and true/false/null. It relies
// on JsonFormatter's output, where no string spans two lines, so each line is read on its own.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

} // namespace Postern
