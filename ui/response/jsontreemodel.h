#pragma once

#include "bodyview/jsonnodes.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace Postern {

// A JSON body as a tree of keys and values, made as it is opened: a row's children are looked up in
// the body's index the first time the view asks for them, so a hundred-megabyte answer costs nothing
// until it is expanded and then only what is shown. Two columns: the key (or the index in an array)
// and the value (a scalar as sent, a container as its size).
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, // QString: $.result[3].number
        CopyRole, // QString: a string's text, a number or literal as sent, a container pretty-printed
        KindRole, // int: JsonNodes::Kind
    };
    Q_ENUM(Role)

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    // The body to show; null (or an index that did not validate) shows nothing.
    void setIndex(std::shared_ptr<const JsonIndex> index);
    const JsonNodes *nodes() const { return m_nodes ? &*m_nodes : nullptr; }
    // Whether rows tell their path (PathRole, the tooltip); off for a filter's matches.
    void setPathsShown(bool shown) { m_pathsShown = shown; }
    // The node (line of the index) a row stands for; -1 for an invalid index.
    qsizetype node(const QModelIndex &index) const;

    // How many rows QTreeView::expandToDepth(depth) would show.
    qsizetype rowsUpToDepth(int depth) const;
    // The same for every depth from 0 to maximumDepth(), in one pass.
    std::vector<qsizetype> rowsByDepth() const;
    // The deepest level any row has (0: only top rows).
    int maximumDepth() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const; // the row's own entry (made when first needed)
    Node *childrenOf(const QModelIndex &parent) const; // with its children looked up
    QString summary(qsizetype node) const;
    const std::vector<qsizetype> &depthCounts() const;

    std::optional<JsonNodes> m_nodes;
    std::unique_ptr<Node> m_root; // stands for the top-level value; its children are the top rows
    mutable QHash<qsizetype, qsizetype> m_sizes; // child counts of containers already shown
    mutable std::vector<qsizetype> m_depthCounts; // values per depth of the index, counted when asked
    bool m_pathsShown = true;
};

} // namespace Postern
