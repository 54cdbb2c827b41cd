#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Postern {

// Colours JavaScript in a script editor: keywords, strings (quoted and template, on one line), numbers
// and comments, /* */ across lines included. A reading aid, not a parser: what it gets wrong costs
// a colour.
class JavaScriptHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JavaScriptHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
    QRegularExpression m_keywords;
    QRegularExpression m_numbers;
};

} // namespace Postern
