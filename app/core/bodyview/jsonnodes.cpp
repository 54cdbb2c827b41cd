#include "bodyview/jsonnodes.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Postern {

JsonNodes::JsonNodes(std::shared_ptr<const JsonIndex> index)
    : m_index(std::move(index))
{
}

JsonNodes::Kind JsonNodes::kind(qsizetype node) const
{
    switch (m_index->data().at(m_index->valueOffset(node))) {
    case '{':
        return Kind::Object;
    case '[':
        return Kind::Array;
    case '"':
        return Kind::String;
    case 't':
    case 'f':
        return Kind::Bool;
    case 'n':
        return Kind::Null;
    default:
        return Kind::Number;
    }
}

bool JsonNodes::isContainer(qsizetype node) const
{
    const Kind k = kind(node);
    return k == Kind::Object || k == Kind::Array;
}

bool JsonNodes::hasChildren(qsizetype node) const
{
    // An empty container stays on its own line; a full one has its first child on the next line.
    const qsizetype next = node + 1;
    return isContainer(node) && next < m_index->lineCount() && m_index->depth(next) > m_index->depth(node)
        && !m_index->isClosing(next);
}

qsizetype JsonNodes::closingLine(qsizetype node) const
{
    if (!hasChildren(node))
        return node;
    // Everything between a container and its closing line is deeper than both.
    const int depth = m_index->depth(node);
    qsizetype line = node + 1;
    while (line < m_index->lineCount() && m_index->depth(line) > depth)
        ++line;
    return qMin(line, m_index->lineCount() - 1);
}

std::vector<qsizetype> JsonNodes::children(qsizetype node, const std::atomic_bool *cancel) const
{
    std::vector<qsizetype> found;
    if (!hasChildren(node))
        return found;
    const int depth = m_index->depth(node);
    const int childDepth = depth + 1;
    const qsizetype count = m_index->lineCount();
    for (qsizetype line = node + 1; line < count; ++line) {
        if ((line & 0xffff) == 0 && cancel && cancel->load(std::memory_order_relaxed))
            break;
        const int d = m_index->depth(line);
        if (d <= depth)
            break;
        if (d == childDepth && !m_index->isClosing(line))
            found.push_back(line);
    }
    return found;
}

qsizetype JsonNodes::childCount(qsizetype node) const
{
    if (!hasChildren(node))
        return 0;
    const int depth = m_index->depth(node);
    const int childDepth = depth + 1;
    qsizetype n = 0;
    for (qsizetype line = node + 1; line < m_index->lineCount(); ++line) {
        const int d = m_index->depth(line);
        if (d <= depth)
            break;
        if (d == childDepth && !m_index->isClosing(line))
            ++n;
    }
    return n;
}

qsizetype JsonNodes::parent(qsizetype node) const
{
    // Between a parent and any of its children, every line is deeper than the parent.
    const int depth = m_index->depth(node);
    for (qsizetype line = node - 1; line >= 0; --line) {
        if (m_index->depth(line) < depth)
            return line;
    }
    return -1;
}

qsizetype JsonNodes::row(qsizetype node) const
{
    const qsizetype up = parent(node);
    if (up < 0)
        return 0;
    const int depth = m_index->depth(node);
    qsizetype n = 0;
    for (qsizetype line = up + 1; line < node; ++line) {
        if (m_index->depth(line) == depth && !m_index->isClosing(line))
            ++n;
    }
    return n;
}

QString JsonNodes::key(qsizetype node) const
{
    const QByteArrayView bytes = m_index->keyBytes(node);
    return bytes.isEmpty() ? QString() : decodeString(bytes);
}

QByteArrayView JsonNodes::valueBytes(qsizetype node) const
{
    const QByteArrayView data(m_index->data());
    const qsizetype start = m_index->valueOffset(node);
    qsizetype end = 0;
    if (!isContainer(node))
        end = m_index->scalarEnd(start);
    else if (hasChildren(node))
        end = m_index->offset(closingLine(node)) + 1;
    else { // {} or [], perhaps with spaces inside
        end = start + 1;
        while (end < data.size() && data[end] != '}' && data[end] != ']')
            ++end;
        end = qMin(end + 1, data.size());
    }
    return data.sliced(start, end - start);
}

QString JsonNodes::valueText(qsizetype node) const
{
    const QByteArrayView bytes = valueBytes(node);
    return kind(node) == Kind::String ? decodeString(bytes) : QString::fromUtf8(bytes);
}

QString JsonNodes::path(qsizetype node) const
{
    QStringList segments;
    for (qsizetype at = node; at > Top;) {
        const qsizetype up = parent(at);
        if (up < 0)
            break;
        segments.prepend(hasKey(at) ? memberSegment(key(at)) : u"[%1]"_s.arg(row(at)));
        at = up;
    }
    return u"$"_s + segments.join(QString());
}

QString JsonNodes::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Object:
        return QCoreApplication::translate("Postern::JsonNodes", "object");
    case Kind::Array:
        return QCoreApplication::translate("Postern::JsonNodes", "array");
    case Kind::String:
        return QCoreApplication::translate("Postern::JsonNodes", "string");
    case Kind::Number:
        return QCoreApplication::translate("Postern::JsonNodes", "number");
    case Kind::Bool:
        return QCoreApplication::translate("Postern::JsonNodes", "boolean");
    case Kind::Null:
        return QCoreApplication::translate("Postern::JsonNodes", "null");
    }
    return {};
}

QString JsonNodes::memberSegment(const QString &name)
{
    bool plain = !name.isEmpty();
    for (qsizetype i = 0; i < name.size() && plain; ++i) {
        const QChar c = name.at(i);
        plain = c == u'_' || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
            || (i > 0 && c >= u'0' && c <= u'9');
    }
    if (plain)
        return u"."_s + name;
    QString quoted = name;
    quoted.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
    return u"['"_s + quoted + u"']"_s;
}

QString JsonNodes::decodeString(QByteArrayView quoted)
{
    if (quoted.size() >= 2 && quoted.front() == '"' && quoted.back() == '"')
        quoted = quoted.sliced(1, quoted.size() - 2);
    QString text;
    text.reserve(quoted.size());
    qsizetype run = 0; // start of the bytes not yet decoded
    char16_t pendingHigh = 0;
    const auto flushHigh = [&] {
        if (pendingHigh) {
            text += QChar::ReplacementCharacter;
            pendingHigh = 0;
        }
    };
    qsizetype i = 0;
    while (i < quoted.size()) {
        if (quoted[i] != '\\') {
            ++i;
            continue;
        }
        if (i > run) {
            flushHigh();
            text += QString::fromUtf8(quoted.sliced(run, i - run));
        }
        if (i + 1 >= quoted.size())
            break;
        const char e = quoted[i + 1];
        i += 2;
        if (e == 'u' && i + 4 <= quoted.size()) {
            bool ok = false;
            const auto unit = char16_t(QByteArray(quoted.sliced(i, 4).data(), 4).toUShort(&ok, 16));
            i += 4;
            if (QChar::isHighSurrogate(unit)) {
                flushHigh();
                pendingHigh = unit;
            } else if (QChar::isLowSurrogate(unit)) {
                if (pendingHigh) {
                    text += QChar(pendingHigh);
                    text += QChar(unit);
                    pendingHigh = 0;
                } else {
                    text += QChar::ReplacementCharacter;
                }
            } else {
                flushHigh();
                text += QChar(unit);
            }
            run = i;
            continue;
        }
        flushHigh();
        switch (e) {
        case 'b':
            text += u'\b';
            break;
        case 'f':
            text += u'\f';
            break;
        case 'n':
            text += u'\n';
            break;
        case 'r':
            text += u'\r';
            break;
        case 't':
            text += u'\t';
            break;
        default: // " \ /
            text += QLatin1Char(e);
            break;
        }
        run = i;
    }
    flushHigh();
    if (run < quoted.size())
        text += QString::fromUtf8(quoted.sliced(run));
    return text;
}

} // namespace Postern
