#include "ui/widgets/jsonhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace Postern {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x8b, 0x1a, 0x8b));
    m_string.setForeground(dark ? QColor(0xce, 0x91, 0x78) : QColor(0x1a, 0x6b, 0x1a));
    m_number.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x1c, 0x4f, 0xb8));
    m_literal.setForeground(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0xb3, 0x5c, 0x00));
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
