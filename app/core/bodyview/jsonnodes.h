#pragma once

#include "bodyview/jsonindex.h"

#include <QByteArrayView>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace Postern {

// The values of an indexed JSON text as a tree, walked over the index's lines instead of a DOM: a
// value is named by the line it starts on, and its children are the lines one level deeper before its
// closing line. Finding them reads the index entries of the value's own subtree and nothing else, so
// opening the top of a hundred-megabyte answer costs one pass over eight bytes a line.
// Nesting deeper than JsonIndex::MaxRecordedDepth is not told apart.
class JsonNodes
{
public:
    enum class Kind { Object, Array, String, Number, Bool, Null };

    // The top-level value.
    static constexpr qsizetype Top = 0;

    // index must have validated (ok()).
    explicit JsonNodes(std::shared_ptr<const JsonIndex> index);

    const JsonIndex &index() const { return *m_index; }
    const std::shared_ptr<const JsonIndex> &sharedIndex() const { return m_index; }

    Kind kind(qsizetype node) const;
    bool isContainer(qsizetype node) const;
    // A container that is not empty.
    bool hasChildren(qsizetype node) const;
    // The line that closes a container with children; the node itself otherwise.
    qsizetype closingLine(qsizetype node) const;
    // A set cancel flag stops early with what was found so far.
    std::vector<qsizetype> children(qsizetype node, const std::atomic_bool *cancel = nullptr) const;
    qsizetype childCount(qsizetype node) const;
    // -1 for the top-level value.
    qsizetype parent(qsizetype node) const;
    // The node's place among its parent's children (0 for the top-level value).
    qsizetype row(qsizetype node) const;

    bool hasKey(qsizetype node) const { return !m_index->keyBytes(node).isEmpty(); }
    // The member's name, decoded; empty for an array element and the top-level value.
    QString key(qsizetype node) const;
    // The value as sent: a scalar's text (a string with its quotes), a container from its opening
    // bracket to its closing one.
    QByteArrayView valueBytes(qsizetype node) const;
    // A string's text decoded; any other value as sent.
    QString valueText(qsizetype node) const;
    // Where the node is, as a JSONPath: $.result[3].number, $['odd key'].
    QString path(qsizetype node) const;

    // The kind as JSON's own words name it: "object", "array", "string", "number", "boolean", "null".
    static QString kindName(Kind kind);
    // The text of a JSON string literal (quotes included); an unpaired surrogate becomes U+FFFD.
    static QString decodeString(QByteArrayView quoted);
    // How a member name is written in a path after $: .name, or ['name'] when it is not a plain name.
    static QString memberSegment(const QString &name);

private:
    std::shared_ptr<const JsonIndex> m_index;
};

} // namespace Postern
