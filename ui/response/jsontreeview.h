#pragma once

#include "bodyview/jsonindex.h"

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QTreeView;
class QToolButton;
QT_END_NAMESPACE

namespace Postern {

class JsonTreeModel;

// A JSON body as a tree that opens row by row (JsonTreeModel), with Expand All and Collapse All, and
// Copy Value (Ctrl+C), Copy Path and Copy Key on a row. Expand All stops at MaxExpandedRows rows or
// MaxExpandedDepth levels, opening as many whole levels as fit, and says so.
class JsonTreeView : public QWidget
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxExpandedRows = 100000;
    static constexpr int MaxExpandedDepth = 256;

    explicit JsonTreeView(QWidget *parent = nullptr);

    // matches: the index holds a filter's matches, whose paths are not the body's (Copy Path then
    // says so instead).
    void setIndex(std::shared_ptr<const JsonIndex> index, bool matches = false);
    QTreeView *tree() const { return m_tree; }
    JsonTreeModel *model() const { return m_model; }

    void expandAll();
    void collapseAll();
    // Of the current row.
    void copyValue();
    void copyPath();
    void copyKey();

Q_SIGNALS:
    // Something to say in the status bar ("Copied the value.", "Expanded 3 of 7 levels …").
    void message(const QString &text);

private:
    void copy(int role, const QString &copied);

    JsonTreeModel *m_model = nullptr;
    QTreeView *m_tree = nullptr;
    QToolButton *m_expandButton = nullptr;
    QToolButton *m_collapseButton = nullptr;
    bool m_matches = false;
};

} // namespace Postern
