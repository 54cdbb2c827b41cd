#include "ui/workspace/collectionstree.h"

#include "workspace/workspace.h"

#include <QDropEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>

#include <functional>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

QString label(const CollectionItem &item)
{
    if (item.isFolder())
        return item.name;
    return item.request.method + u"  "_s + item.name;
}

} // namespace

CollectionsTree::CollectionsTree(Workspace *workspace, QWidget *parent)
    : QTreeWidget(parent)
    , m_workspace(workspace)
{
    setObjectName(u"collectionsTree"_s);
    setAccessibleName(tr("Collections"));
    setHeaderHidden(true);
    setColumnCount(1);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setDragDropMode(QAbstractItemView::InternalMove);
    setDefaultDropAction(Qt::MoveAction);
    setEditTriggers(QAbstractItemView::EditKeyPressed);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &CollectionsTree::showMenu);
    connect(this, &QTreeWidget::itemChanged, this, &CollectionsTree::onItemChanged);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (!item->data(0, IsFolderRole).toBool() && !item->data(0, ItemIdRole).toString().isEmpty())
            Q_EMIT openRequested(item->data(0, CollectionIdRole).toString(),
                                 item->data(0, ItemIdRole).toString());
    });
    connect(m_workspace, &Workspace::collectionsChanged, this, &CollectionsTree::rebuild);
    connect(m_workspace, &Workspace::collectionChanged, this, &CollectionsTree::rebuild);
    rebuild();
}

void CollectionsTree::rebuild()
{
    m_rebuilding = true;
    QSet<QString> expanded;
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        if ((*it)->isExpanded())
            expanded.insert((*it)->data(0, CollectionIdRole).toString() + u'/'
                            + (*it)->data(0, ItemIdRole).toString());
    }
    QString selectedCollection;
    QString selectedItem;
    if (QTreeWidgetItem *current = currentItem()) {
        selectedCollection = current->data(0, CollectionIdRole).toString();
        selectedItem = current->data(0, ItemIdRole).toString();
    }
    clear();
    const QList<Collection> collections = m_workspace->collections();
    for (const Collection &collection : collections) {
        auto *top = new QTreeWidgetItem(this, { collection.name });
        top->setData(0, CollectionIdRole, collection.id);
        top->setData(0, IsFolderRole, true);
        top->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemIsDropEnabled);
        top->setToolTip(
            0, collection.description.isEmpty() ? collection.name : collection.description.left(300));
        std::function<void(QTreeWidgetItem *, const QList<CollectionItem> &)> add
            = [&](QTreeWidgetItem *parent, const QList<CollectionItem> &items) {
                  for (const CollectionItem &item : items) {
                      auto *node = new QTreeWidgetItem(parent, { label(item) });
                      node->setData(0, CollectionIdRole, collection.id);
                      node->setData(0, ItemIdRole, item.id);
                      node->setData(0, IsFolderRole, item.isFolder());
                      Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable
                          | Qt::ItemIsDragEnabled;
                      if (item.isFolder())
                          flags |= Qt::ItemIsDropEnabled;
                      node->setFlags(flags);
                      if (!item.description.isEmpty())
                          node->setToolTip(0, item.description.left(300));
                      if (item.isFolder())
                          add(node, item.children);
                      if (expanded.contains(collection.id + u'/' + item.id))
                          node->setExpanded(true);
                  }
              };
        add(top, collection.items);
        if (expanded.contains(collection.id + u'/'))
            top->setExpanded(true);
    }
    m_rebuilding = false;
    if (QTreeWidgetItem *item = findItem(selectedCollection, selectedItem))
        setCurrentItem(item);
}

QTreeWidgetItem *CollectionsTree::findItem(const QString &collectionId, const QString &itemId) const
{
    if (collectionId.isEmpty())
        return nullptr;
    for (QTreeWidgetItemIterator it(const_cast<CollectionsTree *>(this)); *it; ++it) {
        if ((*it)->data(0, CollectionIdRole).toString() == collectionId
            && (*it)->data(0, ItemIdRole).toString() == itemId)
            return *it;
    }
    return nullptr;
}

void CollectionsTree::select(const QString &collectionId, const QString &itemId)
{
    if (QTreeWidgetItem *item = findItem(collectionId, itemId)) {
        for (QTreeWidgetItem *parent = item->parent(); parent; parent = parent->parent())
            parent->setExpanded(true);
        setCurrentItem(item);
    }
}

bool CollectionsTree::changeCollection(const QString &collectionId,
                                       const std::function<bool(Collection &)> &change)
{
    const Collection *found = m_workspace->collection(collectionId);
    if (!found)
        return false;
    Collection collection = *found; // a copy: the workspace's list changes when it is saved
    if (!change(collection))
        return false;
    if (const QString error = m_workspace->saveCollection(collection); !error.isEmpty()) {
        Q_EMIT message(error);
        return false;
    }
    return true;
}

QString CollectionsTree::newCollection(const QString &name)
{
    const Collection collection = Collection::make(name);
    if (const QString error = m_workspace->saveCollection(collection); !error.isEmpty()) {
        Q_EMIT message(error);
        return QString();
    }
    select(collection.id, QString());
    return collection.id;
}

QString CollectionsTree::newFolder(const QString &collectionId, const QString &parentId, const QString &name)
{
    const CollectionItem folder = CollectionItem::makeFolder(name);
    if (!changeCollection(collectionId,
                          [&](Collection &collection) { return collection.insert(parentId, -1, folder); }))
        return QString();
    select(collectionId, folder.id);
    return folder.id;
}

QString CollectionsTree::newRequest(const QString &collectionId, const QString &folderId)
{
    HttpRequest request;
    request.auth.type = AuthType::Inherit; // as in Postman: a new request in a collection inherits
    const CollectionItem item = CollectionItem::makeRequest(tr("New Request"), request);
    if (!changeCollection(collectionId,
                          [&](Collection &collection) { return collection.insert(folderId, -1, item); }))
        return QString();
    select(collectionId, item.id);
    Q_EMIT openRequested(collectionId, item.id);
    return item.id;
}

void CollectionsTree::renameSelected()
{
    if (QTreeWidgetItem *item = currentItem())
        editItem(item, 0);
}

void CollectionsTree::onItemChanged(QTreeWidgetItem *node, int column)
{
    if (m_rebuilding || column != 0)
        return;
    const QString collectionId = node->data(0, CollectionIdRole).toString();
    const QString itemId = node->data(0, ItemIdRole).toString();
    const QString typed = node->text(0).trimmed();
    const bool renamed = changeCollection(collectionId, [&](Collection &collection) {
        QString *name = &collection.name;
        QString text = typed;
        if (!itemId.isEmpty()) {
            CollectionItem *item = collection.find(itemId);
            if (!item)
                return false;
            // The label of a request starts with its method; what the user typed may or may not keep it.
            if (!item->isFolder() && text.startsWith(item->request.method + u' '))
                text = text.mid(item->request.method.size()).trimmed();
            name = &item->name;
        }
        if (text.isEmpty() || text == *name)
            return false;
        *name = text;
        return true;
    });
    if (!renamed)
        rebuild(); // back to the name as it is
}

void CollectionsTree::duplicateSelected()
{
    QTreeWidgetItem *node = currentItem();
    if (!node)
        return;
    const QString collectionId = node->data(0, CollectionIdRole).toString();
    const QString itemId = node->data(0, ItemIdRole).toString();
    const Collection *found = m_workspace->collection(collectionId);
    if (!found)
        return;
    if (itemId.isEmpty()) {
        // A whole collection: a new collection with new ids everywhere.
        Collection copy = *found;
        copy.renewIds();
        copy.name = tr("%1 Copy").arg(copy.name);
        if (const QString error = m_workspace->saveCollection(copy); !error.isEmpty())
            Q_EMIT message(error);
        select(copy.id, QString());
        return;
    }
    QString copyId;
    if (changeCollection(collectionId, [&](Collection &collection) {
            copyId = collection.duplicate(itemId);
            return !copyId.isEmpty();
        }))
        select(collectionId, copyId);
}

void CollectionsTree::deleteSelected()
{
    QTreeWidgetItem *node = currentItem();
    if (!node)
        return;
    const QString collectionId = node->data(0, CollectionIdRole).toString();
    const QString itemId = node->data(0, ItemIdRole).toString();
    const Collection *found = m_workspace->collection(collectionId);
    if (!found)
        return;
    const CollectionItem *item = itemId.isEmpty() ? nullptr : found->find(itemId);
    const QString question = !item
        ? tr("Delete the collection “%1” and its %2 requests? This cannot be undone.")
              .arg(found->name, QString::number(found->requestCount()))
        : item->isFolder()
        ? tr("Delete the folder “%1” and everything in it? This cannot be undone.").arg(item->name)
        : tr("Delete the request “%1”? This cannot be undone.").arg(item->name);
    QMessageBox box(QMessageBox::Warning, tr("Delete"), question, QMessageBox::Cancel, this);
    box.setObjectName(u"confirmDelete"_s);
    QPushButton *remove = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != static_cast<QAbstractButton *>(remove))
        return;
    // found and item may be stale after the question: everything goes by id from here.
    if (itemId.isEmpty()) {
        if (const QString error = m_workspace->removeCollection(collectionId); !error.isEmpty())
            Q_EMIT message(error);
        return;
    }
    changeCollection(collectionId, [&itemId](Collection &collection) { return collection.remove(itemId); });
}

bool CollectionsTree::moveItem(const QString &collectionId, const QString &itemId, const QString &newParentId,
                               int row, const QString &targetCollectionId)
{
    const QString targetId = targetCollectionId.isEmpty() ? collectionId : targetCollectionId;
    if (targetId == collectionId) {
        if (!changeCollection(collectionId, [&](Collection &collection) {
                return collection.move(itemId, newParentId, row);
            }))
            return false;
        select(collectionId, itemId);
        return true;
    }
    // Into another collection: put in the other file first, then taken out of this one, so that a
    // failure leaves it in two places rather than in none.
    const Collection *from = m_workspace->collection(collectionId);
    const CollectionItem *found = from ? from->find(itemId) : nullptr;
    if (!found)
        return false;
    const CollectionItem moved = *found;
    if (!changeCollection(targetId,
                          [&](Collection &collection) { return collection.insert(newParentId, row, moved); }))
        return false;
    changeCollection(collectionId, [&](Collection &collection) { return collection.remove(itemId); });
    select(targetId, itemId);
    return true;
}

void CollectionsTree::moveSelected(int delta)
{
    QTreeWidgetItem *node = currentItem();
    if (!node || node->data(0, ItemIdRole).toString().isEmpty())
        return;
    const QString collectionId = node->data(0, CollectionIdRole).toString();
    const QString itemId = node->data(0, ItemIdRole).toString();
    const Collection *collection = m_workspace->collection(collectionId);
    QString parentId;
    int row = -1;
    if (!collection || !collection->locate(itemId, &parentId, &row))
        return;
    if (delta < 0 && row == 0)
        return;
    // Collection::move counts the row before the item leaves its place.
    moveItem(collectionId, itemId, parentId, delta < 0 ? row - 1 : row + 2);
}

void CollectionsTree::moveSelectedTo()
{
    QTreeWidgetItem *node = currentItem();
    if (!node || node->data(0, ItemIdRole).toString().isEmpty())
        return;
    const QString collectionId = node->data(0, CollectionIdRole).toString();
    const QString itemId = node->data(0, ItemIdRole).toString();
    // Every collection and folder the item may go into (not itself, nor a folder inside it).
    QStringList labels;
    QList<QPair<QString, QString>> places;
    const QList<Collection> collections = m_workspace->collections();
    for (const Collection &collection : collections) {
        labels.append(collection.name);
        places.append({ collection.id, QString() });
        std::function<void(const QList<CollectionItem> &, const QString &)> add
            = [&](const QList<CollectionItem> &items, const QString &path) {
                  for (const CollectionItem &item : items) {
                      if (!item.isFolder() || item.id == itemId)
                          continue;
                      labels.append(path + u" / "_s + item.name);
                      places.append({ collection.id, item.id });
                      add(item.children, path + u" / "_s + item.name);
                  }
              };
        add(collection.items, collection.name);
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Move To"), tr("Move “%1” into:").arg(node->text(0).trimmed()), labels, 0, false, &ok);
    const int index = labels.indexOf(chosen);
    if (!ok || index < 0)
        return;
    moveItem(collectionId, itemId, places.at(index).second, -1, places.at(index).first);
}

void CollectionsTree::dropEvent(QDropEvent *event)
{
    // The tree is rebuilt from the collection after the move; Qt's own move of the items is not used.
    QTreeWidgetItem *target = itemAt(event->position().toPoint());
    const DropIndicatorPosition position = dropIndicatorPosition();
    event->setDropAction(Qt::IgnoreAction);
    event->accept();
    if (position == OnViewport)
        return;
    dropOn(currentItem(), target,
           position == OnItem          ? DropPlace::Into
               : position == AboveItem ? DropPlace::Above
                                       : DropPlace::Below);
}

bool CollectionsTree::dropOn(QTreeWidgetItem *dragged, QTreeWidgetItem *target, DropPlace place)
{
    if (!dragged || !target || dragged == target || dragged->data(0, ItemIdRole).toString().isEmpty())
        return false;
    const QString collectionId = dragged->data(0, CollectionIdRole).toString();
    const QString itemId = dragged->data(0, ItemIdRole).toString();
    const QString targetCollection = target->data(0, CollectionIdRole).toString();
    const QString targetId = target->data(0, ItemIdRole).toString();
    const bool targetIsContainer = target->data(0, IsFolderRole).toBool();
    QString parentId;
    int row = -1;
    if (place == DropPlace::Into && targetIsContainer) {
        parentId = targetId;
    } else if (targetId.isEmpty()) {
        parentId.clear(); // above or below a collection: its top level
        row = place == DropPlace::Above ? 0 : -1;
    } else {
        QTreeWidgetItem *parent = target->parent();
        parentId = parent ? parent->data(0, ItemIdRole).toString() : QString();
        row = parent ? parent->indexOfChild(target) : 0;
        if (place != DropPlace::Above)
            ++row;
    }
    return moveItem(collectionId, itemId, parentId, row, targetCollection);
}

void CollectionsTree::keyPressEvent(QKeyEvent *event)
{
    if (state() != EditingState) {
        if (event->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier)
            && (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
            moveSelected(event->key() == Qt::Key_Up ? -1 : 1);
            return;
        }
        if (event->key() == Qt::Key_Delete) {
            deleteSelected();
            return;
        }
        if (event->key() == Qt::Key_D && event->modifiers() == Qt::ControlModifier) {
            duplicateSelected();
            return;
        }
    }
    QTreeWidget::keyPressEvent(event);
}

void CollectionsTree::showMenu(const QPoint &position)
{
    QTreeWidgetItem *node = itemAt(position);
    QMenu menu(this);
    if (!node) {
        menu.addAction(tr("New &Collection"), this, [this] { newCollection(tr("New Collection")); });
        menu.exec(viewport()->mapToGlobal(position));
        return;
    }
    setCurrentItem(node);
    const QString collectionId = node->data(0, CollectionIdRole).toString();
    const QString itemId = node->data(0, ItemIdRole).toString();
    const bool container = node->data(0, IsFolderRole).toBool();
    if (container) {
        menu.addAction(tr("New &Request"), this,
                       [this, collectionId, itemId] { newRequest(collectionId, itemId); });
        menu.addAction(tr("New &Folder"), this,
                       [this, collectionId, itemId] { newFolder(collectionId, itemId, tr("New Folder")); });
        menu.addAction(itemId.isEmpty() ? tr("Run Collec&tion…") : tr("Run Fold&er…"), this,
                       [this, collectionId, itemId] { Q_EMIT runRequested(collectionId, itemId); });
        menu.addSeparator();
        menu.addAction(tr("&Settings…"), this,
                       [this, collectionId, itemId] { Q_EMIT settingsRequested(collectionId, itemId); });
    } else {
        menu.addAction(tr("&Open"), this,
                       [this, collectionId, itemId] { Q_EMIT openRequested(collectionId, itemId); });
        menu.addAction(tr("&Settings…"), this,
                       [this, collectionId, itemId] { Q_EMIT settingsRequested(collectionId, itemId); });
    }
    menu.addAction(tr("Re&name"), this, &CollectionsTree::renameSelected);
    menu.addAction(tr("D&uplicate"), this, &CollectionsTree::duplicateSelected);
    if (!itemId.isEmpty()) {
        menu.addAction(tr("&Move To…"), this, &CollectionsTree::moveSelectedTo);
        menu.addAction(tr("Move &Up") + u"\tCtrl+Shift+Up"_s, this, [this] { moveSelected(-1); });
        menu.addAction(tr("Move Do&wn") + u"\tCtrl+Shift+Down"_s, this, [this] { moveSelected(1); });
    }
    if (itemId.isEmpty())
        menu.addAction(tr("&Export to Postman…"), this,
                       [this, collectionId] { Q_EMIT exportRequested(collectionId); });
    menu.addSeparator();
    menu.addAction(tr("&Delete"), this, &CollectionsTree::deleteSelected);
    menu.exec(viewport()->mapToGlobal(position));
}

} // namespace Postern
