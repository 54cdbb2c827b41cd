#include "ui/widgets/javascripthighlighter.h"

#include "ui/widgets/palette.h"

using namespace Qt::StringLiterals;

namespace Postern {

JavaScriptHighlighter::JavaScriptHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_keywords(u"\\b(?:break|case|catch|class|const|continue|default|delete|do|else|false|finally|for|"
                 "function|if|in|instanceof|let|new|null|return|switch|this|throw|true|try|typeof|"
                 "undefined|var|void|while|pm|postman)\\b"_s)
    , m_numbers(u"\\b(?:0x[0-9a-fA-F]+|\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)\\b"_s)
{
    m_keyword.setForeground(Theme::color(ColorRole::JsonKey));
    m_keyword.setFontWeight(QFont::Bold);
    m_string.setForeground(Theme::color(ColorRole::JsonString));
    m_number.setForeground(Theme::color(ColorRole::JsonNumber));
    m_comment.setForeground(Theme::color(ColorRole::InfoText));
    m_comment.setFontItalic(true);
}

void JavaScriptHighlighter::highlightBlock(const QString &text)
{
    for (auto it = m_keywords.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_keyword);
    }
    for (auto it = m_numbers.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_number);
    }
    // Strings and comments, left to right, so that "//" in a string is not a comment.
    qsizetype i = 0;
    setCurrentBlockState(0);
    if (previousBlockState() == 1) { // inside /* */
        const qsizetype end = text.indexOf(u"*/"_s);
        if (end < 0) {
            setFormat(0, int(text.size()), m_comment);
            setCurrentBlockState(1);
            return;
        }
        setFormat(0, int(end + 2), m_comment);
        i = end + 2;
    }
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'"' || c == u'\'' || c == u'`') {
            qsizetype j = i + 1;
            while (j < text.size() && text.at(j) != c)
                j += text.at(j) == u'\\' ? 2 : 1;
            const qsizetype end = qMin(j + 1, text.size());
            setFormat(int(i), int(end - i), m_string);
            i = end;
        } else if (c == u'/' && i + 1 < text.size() && text.at(i + 1) == u'/') {
            setFormat(int(i), int(text.size() - i), m_comment);
            return;
        } else if (c == u'/' && i + 1 < text.size() && text.at(i + 1) == u'*') {
            const qsizetype end = text.indexOf(u"*/"_s, i + 2);
            if (end < 0) {
                setFormat(int(i), int(text.size() - i), m_comment);
                setCurrentBlockState(1);
                return;
            }
            setFormat(int(i), int(end + 2 - i), m_comment);
            i = end + 2;
        } else {
            ++i;
        }
    }
}

} // namespace Postern
