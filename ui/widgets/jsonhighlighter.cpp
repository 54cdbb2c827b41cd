#include "ui/widgets/jsonhighlighter.h"

namespace Postern::JsonHighlight {

QList<Span> spans(QStringView text)
{
    QList<Span> spans;
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
            spans.append({ i, end - i, isKey ? ColorRole::JsonKey : ColorRole::JsonString });
            i = end;
        } else if (c == u'-' || c.isDigit()) {
            qsizetype end = i + 1;
            while (end < n && (text.at(end).isDigit() || QStringView(u".eE+-").contains(text.at(end))))
                ++end;
            spans.append({ i, end - i, ColorRole::JsonNumber });
            i = end;
        } else if (c == u't' || c == u'f' || c == u'n') {
            qsizetype end = i;
            while (end < n && text.at(end).isLetter())
                ++end;
            spans.append({ i, end - i, ColorRole::JsonLiteral });
            i = end;
        } else {
            ++i;
        }
    }
    return spans;
}

} // namespace Postern::JsonHighlight
