#include "ui/widgets/jsonhighlighter.h"

#include "ui/widgets/palette.h"

namespace Postern {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_key.setForeground(Theme::color(ColorRole::JsonKey));
    m_string.setForeground(Theme::color(ColorRole::JsonString));
    m_number.setForeground(Theme::color(ColorRole::JsonNumber));
    m_literal.setForeground(Theme::color(ColorRole::JsonLiteral));
    m_literal.setFontWeight(QFont::Bold);
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'"') {
            qsizetype end = i + 1;
            while (end < n && text.at(end) != u'"')
                end += text.at(end) == u'\\' ? 2 : 1;
            end = qMin(end + 1, n);
            qsizetype next = end;
            while (next < n && text.at(next) == u' ')
                ++next;
            const bool isKey = next < n && text.at(next) == u':';
            setFormat(int(i), int(end - i), isKey ? m_key : m_string);
            i = end;
        } else if (c == u'-' || c.isDigit()) {
            qsizetype end = i + 1;
            while (end < n && (text.at(end).isDigit() || QStringView(u".eE+-").contains(text.at(end))))
                ++end;
            setFormat(int(i), int(end - i), m_number);
            i = end;
        } else if (c == u't' || c == u'f' || c == u'n') {
            qsizetype end = i;
            while (end < n && text.at(end).isLetter())
                ++end;
            setFormat(int(i), int(end - i), m_literal);
            i = end;
        } else {
            ++i;
        }
    }
}

} // namespace Postern
