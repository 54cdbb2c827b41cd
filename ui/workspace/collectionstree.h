#pragma once

#include "workspace/collection.h"

#include <QTreeWidget>

#include <functional>

namespace Postern {

class Workspace;

// The sidebar's tree of collections, folders and saved requests, over the workspace (not owned).
// Every edit (new, rename, duplicate, move by drag and drop, delete after a confirmation) is saved to
// the collection's file at once. Opening a request, editing a collection's or folder's settings and
// exporting are asked of the owner through signals.
class CollectionsTree : public QTreeWidget
{
    Q_OBJECT

public:
    enum Role { CollectionIdRole = Qt::UserRole + 1, ItemIdRole, IsFolderRole };

    explicit CollectionsTree(Workspace *workspace, QWidget *parent = nullptr);

    void rebuild();
    // Selects the item (or the collection when itemId is empty).
    void select(const QString &collectionId, const QString &itemId);

    QString newCollection(const QString &name);
    // A new request set to inherit its authorization, opened at once (openRequested()).
    QString newRequest(const QString &collectionId, const QString &folderId);
    QString newFolder(const QString &collectionId, const QString &parentId, const QString &name);
    void renameSelected();
    void duplicateSelected();
    void deleteSelected();
    // Moves itemId to newParentId ("" for the top) at row (-1: the end), in targetCollectionId when
    // given; the same as a drop.
    bool moveItem(const QString &collectionId, const QString &itemId, const QString &newParentId, int row,
                  const QString &targetCollectionId = QString());
    // For the keyboard: one place up or down among its siblings (Ctrl+Shift+Up/Down), or into a
    // collection or folder chosen from a list ("Move To…").
    void moveSelected(int delta);
    // What a drop does: dragged goes into, above or below target (as the drop indicator shows).
    enum class DropPlace { Into, Above, Below };
    bool dropOn(QTreeWidgetItem *dragged, QTreeWidgetItem *target, DropPlace place);
    void moveSelectedTo();

Q_SIGNALS:
    void openRequested(const QString &collectionId, const QString &itemId);
    void settingsRequested(const QString &collectionId, const QString &itemId);
    void exportRequested(const QString &collectionId);
    // Run Collection on a collection (folderId empty) or one folder of it.
    void runRequested(const QString &collectionId, const QString &folderId);
    void message(const QString &text);

protected:
    void dropEvent(QDropEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showMenu(const QPoint &position);
    void onItemChanged(QTreeWidgetItem *item, int column);
    // Applies change to a copy of the collection and saves it when change says it changed something.
    bool changeCollection(const QString &collectionId, const std::function<bool(Collection &)> &change);
    QTreeWidgetItem *findItem(const QString &collectionId, const QString &itemId) const;

    Workspace *m_workspace;
    bool m_rebuilding = false;
};

} // namespace Postern
