#include "ui/response/jsontreemodel.h"

#include "bodyview/jsonformatter.h"
#include "ui/widgets/palette.h"

#include <QLocale>

#include <limits>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// A value longer than this is cut in the Value column (Copy still gives all of it).
constexpr qsizetype ShownValueLength = 500;

ColorRole roleOf(JsonNodes::Kind kind)
{
    switch (kind) {
    case JsonNodes::Kind::String:
        return ColorRole::JsonString;
    case JsonNodes::Kind::Number:
        return ColorRole::JsonNumber;
    default:
        return ColorRole::JsonLiteral;
    }
}

} // namespace

// One row that has been asked about as a parent: the lines of its children, found once, and the
// entries of those children that became parents in turn.
struct JsonTreeModel::Node
{
    qsizetype line = 0;
    Node *parent = nullptr;
    int row = 0;
    bool looked = false;
    std::vector<qsizetype> children;
    std::unordered_map<int, std::unique_ptr<Node>> entries;
};

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setIndex(std::shared_ptr<const JsonIndex> index)
{
    beginResetModel();
    m_root.reset();
    m_sizes.clear();
    m_depthCounts.clear();
    m_depthCounts.shrink_to_fit();
    m_nodes.reset();
    if (index && index->ok() && index->lineCount() > 0) {
        m_nodes.emplace(std::move(index));
        m_root = std::make_unique<Node>();
        m_root->line = JsonNodes::Top;
    }
    endResetModel();
}

qsizetype JsonTreeModel::node(const QModelIndex &index) const
{
    if (!index.isValid() || !m_root)
        return -1;
    const auto *parentEntry = static_cast<const Node *>(index.internalPointer());
    return parentEntry->children.at(size_t(index.row()));
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    auto *parentEntry = static_cast<Node *>(index.internalPointer());
    std::unique_ptr<Node> &entry = parentEntry->entries[index.row()];
    if (!entry) {
        entry = std::make_unique<Node>();
        entry->line = parentEntry->children.at(size_t(index.row()));
        entry->parent = parentEntry;
        entry->row = index.row();
    }
    return entry.get();
}

JsonTreeModel::Node *JsonTreeModel::childrenOf(const QModelIndex &parent) const
{
    if (!m_root)
        return nullptr;
    Node *entry = nodeOf(parent);
    if (!entry->looked) {
        entry->children = m_nodes->children(entry->line);
        // A view's rows are counted in ints.
        if (entry->children.size() > size_t(std::numeric_limits<int>::max()))
            entry->children.resize(size_t(std::numeric_limits<int>::max()));
        entry->looked = true;
        m_sizes.insert(entry->line, qsizetype(entry->children.size()));
    }
    return entry;
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    Node *entry = childrenOf(parent);
    if (!entry || size_t(row) >= entry->children.size())
        return {};
    return createIndex(row, column, entry);
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const auto *parentEntry = static_cast<const Node *>(child.internalPointer());
    if (parentEntry == m_root.get())
        return {};
    return createIndex(parentEntry->row, 0, parentEntry->parent);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    if (!m_root || (parent.isValid() && !m_nodes->hasChildren(node(parent))))
        return 0;
    const Node *entry = childrenOf(parent);
    return entry ? int(entry->children.size()) : 0;
}

int JsonTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (!m_root)
        return false;
    if (!parent.isValid())
        return m_nodes->hasChildren(JsonNodes::Top);
    return parent.column() == 0 && m_nodes->hasChildren(node(parent));
}

QString JsonTreeModel::summary(qsizetype line) const
{
    qsizetype size = m_sizes.value(line, -1);
    if (size < 0) {
        size = m_nodes->childCount(line);
        m_sizes.insert(line, size);
    }
    const QLocale locale;
    if (m_nodes->kind(line) == JsonNodes::Kind::Object)
        return size == 1 ? tr("{ 1 key }") : tr("{ %1 keys }").arg(locale.toString(size));
    return size == 1 ? tr("[ 1 item ]") : tr("[ %1 items ]").arg(locale.toString(size));
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    const qsizetype line = node(index);
    if (line < 0)
        return {};
    const JsonNodes::Kind kind = m_nodes->kind(line);
    const bool container = kind == JsonNodes::Kind::Object || kind == JsonNodes::Kind::Array;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        if (index.column() == KeyColumn)
            return m_nodes->hasKey(line) ? m_nodes->key(line) : QString::number(index.row());
        if (container)
            return summary(line);
        const QByteArrayView bytes = m_nodes->valueBytes(line);
        QString text = QString::fromUtf8(bytes.first(qMin(bytes.size(), ShownValueLength * 4)));
        if (text.size() > ShownValueLength)
            text = text.left(ShownValueLength) + u'\u2026';
        // One line on screen: a string's escapes stay escapes, raw control characters cannot occur.
        return text;
    }
    case Qt::AccessibleDescriptionRole:
        return index.column() == KeyColumn ? (m_nodes->hasKey(line) ? tr("key") : tr("index"))
                                           : JsonNodes::kindName(kind);
    case Qt::ToolTipRole:
        return m_pathsShown ? QVariant(m_nodes->path(line)) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == KeyColumn)
            return m_nodes->hasKey(line) ? QVariant(Theme::color(ColorRole::JsonKey)) : QVariant();
        return container ? QVariant() : QVariant(Theme::color(roleOf(kind)));
    case PathRole:
        return m_pathsShown ? QVariant(m_nodes->path(line)) : QVariant();
    case KindRole:
        return int(kind);
    case CopyRole: {
        if (kind == JsonNodes::Kind::String)
            return m_nodes->valueText(line);
        const QByteArrayView bytes = m_nodes->valueBytes(line);
        if (!container)
            return QString::fromUtf8(bytes);
        return QString::fromUtf8(JsonFormatter().format(bytes.toByteArray()).text);
    }
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == KeyColumn ? tr("Key") : tr("Value");
}

const std::vector<qsizetype> &JsonTreeModel::depthCounts() const
{
    if (m_depthCounts.empty() && m_nodes) {
        const JsonIndex &index = m_nodes->index();
        for (qsizetype line = 0; line < index.lineCount(); ++line) {
            if (index.isClosing(line))
                continue;
            const auto depth = size_t(index.depth(line));
            if (depth >= m_depthCounts.size())
                m_depthCounts.resize(depth + 1, 0);
            ++m_depthCounts[depth];
        }
    }
    return m_depthCounts;
}

int JsonTreeModel::maximumDepth() const
{
    // Top rows are the index's depth 1.
    return qMax(0, int(depthCounts().size()) - 2);
}

std::vector<qsizetype> JsonTreeModel::rowsByDepth() const
{
    // expandToDepth(d) shows the rows of the index's depths 1 to d + 2.
    const std::vector<qsizetype> &counts = depthCounts();
    std::vector<qsizetype> rows;
    qsizetype sum = 0;
    for (size_t d = 1; d < counts.size(); ++d) {
        sum += counts[d];
        if (d >= 2)
            rows.push_back(sum);
    }
    if (rows.empty())
        rows.push_back(sum);
    return rows;
}

qsizetype JsonTreeModel::rowsUpToDepth(int depth) const
{
    // expandToDepth(depth) opens rows of view depth 0..depth, so rows of view depth 0..depth + 1 show;
    // view depth d is the index's depth d + 1.
    const std::vector<qsizetype> &counts = depthCounts();
    qsizetype rows = 0;
    for (size_t d = 1; d < counts.size() && d <= size_t(depth) + 2; ++d)
        rows += counts[d];
    return rows;
}

} // namespace Postern
