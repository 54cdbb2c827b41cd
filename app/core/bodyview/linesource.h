#pragma once

#include <QByteArrayView>
#include <QString>

namespace Postern {

// How a view should colour a source's lines.
enum class LineStyle { Plain, Json };

// A body as numbered lines, made one at a time when a view or a search asks for them, so that a
// hundred-megabyte answer never exists as one big QString. Implementations are immutable once built:
// a view on the GUI thread and a search on a worker may read the same source at once.
class LineSource
{
public:
    virtual ~LineSource() = default;

    virtual qsizetype lineCount() const = 0;
    // The line as shown: invalid UTF-8 becomes U+FFFD, control characters their visible symbols
    // (U+2400...), a tab the spaces up to the next multiple of four columns.
    virtual QString lineText(qsizetype line) const = 0;
    // The length, in characters, of the longest line, or a close overestimate of it.
    virtual qsizetype widthHint() const = 0;
    virtual LineStyle style() const { return LineStyle::Plain; }
    // Whether the line is the rest of the one before, cut because it was too long to show.
    virtual bool isContinuation(qsizetype line) const
    {
        Q_UNUSED(line);
        return false;
    }
    // The text of lines first..last (inclusive) joined by '\n', for the clipboard. The default joins
    // lineText(); a source whose lines may hold control characters gives their bytes instead.
    virtual QString copyText(qsizetype first, qsizetype last) const;

    // UTF-8 bytes as a line to show (see lineText()).
    static QString displayText(QByteArrayView utf8);

protected:
    LineSource() = default;
    LineSource(const LineSource &) = default;
    LineSource &operator=(const LineSource &) = default;
};

} // namespace Postern
