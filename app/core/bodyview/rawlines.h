#pragma once

#include "bodyview/linesource.h"

#include <QByteArray>

#include <atomic>
#include <vector>

namespace Postern {

// A body's text as its own lines, split at '\n' (a "\r\n" ends a line too). A line longer than
// MaxSegment bytes is cut, at a character boundary, into several shown lines, so that a minified
// hundred-megabyte answer is not one line no view can draw; isContinuation() tells which are cuts.
// Eight bytes a line.
class RawLines final : public LineSource
{
public:
    static constexpr qsizetype MaxSegment = 4096;

    // Indexes utf8 (kept, implicitly shared). A set cancel flag stops it early: the index is then
    // empty and canceled() is true.
    explicit RawLines(const QByteArray &utf8, const std::atomic_bool *cancel = nullptr);

    bool canceled() const { return m_canceled; }
    const QByteArray &data() const { return m_data; }

    qsizetype lineCount() const override { return qsizetype(m_starts.size()); }
    QString lineText(qsizetype line) const override;
    qsizetype widthHint() const override { return m_widthHint; }
    // The bytes as they are, line breaks included.
    QString copyText(qsizetype first, qsizetype last) const override;

    bool isContinuation(qsizetype line) const override;
    // The line's bytes, without its line break.
    QByteArrayView lineBytes(qsizetype line) const;

private:
    qsizetype start(qsizetype line) const;
    qsizetype end(qsizetype line) const; // before the line break

    QByteArray m_data;
    std::vector<qint64> m_starts; // negative: a continuation starting at -start - 1
    qsizetype m_widthHint = 0;
    bool m_canceled = false;
};

} // namespace Postern
