#include "collectionstree.h"

#include "workspace.h"

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
    setAccessibleName(u"Collections"_s);
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
            Q_EMIT openRequested(item->data(0, CollectionIdRole).toString(), item->data(0, ItemIdRole).toString());
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
            expanded.insert((*it)->data(0, CollectionIdRole).toString() + u'/' + (*it)->data(0, ItemIdRole).toString());
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
        auto *top = new QTreeWidgetItem(this, {collection.name});
        top->setData(0, CollectionIdRole, collection.id);
        top->setData(0, IsFolderRole, true);
        top->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemIsDropEnabled);
        top->setToolTip(0, collection.description.isEmpty() ? collection.name : collection.description.left(300));
        std::function<void(QTreeWidgetItem *, const QList<CollectionItem> &)> add =
            [&](QTreeWidgetItem *parent, const QList<CollectionItem> &items) {
                for (const CollectionItem &item : items) {
                    auto *node = new QTreeWidgetItem(parent, {label(item)});
                    node->setData(0, CollectionIdRole, collection.id);
                    node->setData(0, ItemIdRole, item.id);
                    node->setData(0, IsFolderRole, item.isFolder());
                    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemIsDragEnabled;
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
        if ((*it)->data(0, CollectionIdRole).toString() == collectionId && (*it)->data(0, ItemIdRole).toString() == itemId)
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
    const Collection *found = m_workspace->collection(collectionId);
    if (!found)
        return QString();
    Collection collection = *found;
    const CollectionItem folder = CollectionItem::makeFolder(name);
    if (!collection.insert(parentId, -1, folder))
        return QString();
    if (const QString error = m_workspace->saveCollection(collection); !error.isEmpty()) {
        Q_EMIT message(error);
        return QString();
    }
    select(collectionId, folder.id);
    return folder.id;
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
    const Collection *found = m_workspace->collection(collectionId);
    if (!found)
        return;
    Collection collection = *found;
    QString name = node->text(0).trimmed();
    if (itemId.isEmpty()) {
        if (name.isEmpty() || name == collection.name)
            return rebuild();
        collection.name = name;
    } else {
        CollectionItem *item = collection.find(itemId);
        if (!item)
            return;
        // The label of a request starts with its method; what the user typed may or may not keep it.
        if (!item->isFolder() && name.startsWith(item->request.method + u' '))
            name = name.mid(item->request.method.size()).trimmed();
        if (name.isEmpty() || name == item->name)
            return rebuild();
        item->name = name;
    }
    if (const QString error = m_workspace->saveCollection(collection); !error.isEmpty())
        Q_EMIT message(error);
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
    Collection collection = *found;
    if (itemId.isEmpty()) {
        // A whole collection: a new collection with new ids everywhere.
        Collection copy = collection;
        copy.id = Collection::newId();
        copy.name += u" Copy"_s;
        std::function<void(QList<CollectionItem> &)> renew = [&renew](QList<CollectionItem> &items) {
            for (CollectionItem &item : items) {
                item.id = Collection::newId();
                renew(item.children);
            }
        };
        renew(copy.items);
        if (const QString error = m_workspace->saveCollection(copy); !error.isEmpty())
            Q_EMIT message(error);
        select(copy.id, QString());
        return;
    }
    const QString copyId = collection.duplicate(itemId);
    if (const QString error = m_workspace->saveCollection(collection); !error.isEmpty())
        Q_EMIT message(error);
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
    const QString what = !item ? u"the collection \u201c%1\u201d and its %2 requests"_s.arg(found->name).arg(found->requestCount())
                       : item->isFolder() ? u"the folder \u201c%1\u201d and everything in it"_s.arg(item->name)
                                          : u"the request \u201c%1\u201d"_s.arg(item->name);
    QMessageBox box(QMessageBox::Warning, u"Delete"_s, u"Delete %1? This cannot be undone."_s.arg(what),
                    QMessageBox::Cancel, this);
    box.setObjectName(u"confirmDelete"_s);
    QPushButton *remove = box.addButton(u"&Delete"_s, QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != static_cast<QAbstractButton *>(remove))
        return;
    QString error;
    if (!item) {
        error = m_workspace->removeCollection(collectionId);
    } else {
        Collection collection = *found;
        collection.remove(itemId);
        error = m_workspace->saveCollection(collection);
    }
    if (!error.isEmpty())
        Q_EMIT message(error);
}

bool CollectionsTree::moveItem(const QString &collectionId, const QString &itemId, const QString &newParentId, int row)
{
    const Collection *found = m_workspace->collection(collectionId);
    if (!found)
        return false;
    Collection collection = *found;
    if (!collection.move(itemId, newParentId, row))
        return false;
    if (const QString error = m_workspace->saveCollection(collection); !error.isEmpty()) {
        Q_EMIT message(error);
        return false;
    }
    select(collectionId, itemId);
    return true;
}

void CollectionsTree::dropEvent(QDropEvent *event)
{
    // The tree is rebuilt from the collection after the move; Qt's own move of the items is not used.
    QTreeWidgetItem *dragged = currentItem();
    QTreeWidgetItem *target = itemAt(event->position().toPoint());
    const DropIndicatorPosition position = dropIndicatorPosition();
    event->setDropAction(Qt::IgnoreAction);
    event->accept();
    if (!dragged || !target || dragged == target || dragged->data(0, ItemIdRole).toString().isEmpty())
        return;
    const QString collectionId = dragged->data(0, CollectionIdRole).toString();
    const QString itemId = dragged->data(0, ItemIdRole).toString();
    const QString targetCollection = target->data(0, CollectionIdRole).toString();
    const QString targetId = target->data(0, ItemIdRole).toString();
    const bool targetIsContainer = target->data(0, IsFolderRole).toBool();
    QString parentId;
    int row = -1;
    if (position == OnItem && targetIsContainer) {
        parentId = targetId;
    } else if (targetId.isEmpty()) {
        parentId.clear(); // above or below a collection: its top level
        row = position == AboveItem ? 0 : -1;
    } else {
        QTreeWidgetItem *parent = target->parent();
        parentId = parent ? parent->data(0, ItemIdRole).toString() : QString();
        row = parent ? parent->indexOfChild(target) : 0;
        if (position != AboveItem)
            ++row;
    }
    if (targetCollection == collectionId) {
        moveItem(collectionId, itemId, parentId, row);
        return;
    }
    // Into another collection: taken out of one file, put in the other.
    const Collection *from = m_workspace->collection(collectionId);
    const Collection *to = m_workspace->collection(targetCollection);
    if (!from || !to || !from->find(itemId))
        return;
    Collection source = *from;
    Collection destination = *to;
    const CollectionItem moved = *source.find(itemId);
    if (!destination.insert(parentId, row, moved))
        return;
    source.remove(itemId);
    QString error = m_workspace->saveCollection(destination);
    if (error.isEmpty())
        error = m_workspace->saveCollection(source);
    if (!error.isEmpty())
        Q_EMIT message(error);
    select(targetCollection, itemId);
}

void CollectionsTree::keyPressEvent(QKeyEvent *event)
{
    if (state() != EditingState) {
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
        menu.addAction(u"New &Collection"_s, this, [this] { newCollection(u"New Collection"_s); });
        menu.exec(viewport()->mapToGlobal(position));
        return;
    }
    setCurrentItem(node);
    const QString collectionId = node->data(0, CollectionIdRole).toString();
    const QString itemId = node->data(0, ItemIdRole).toString();
    const bool container = node->data(0, IsFolderRole).toBool();
    if (container) {
        menu.addAction(u"New &Request"_s, this, [this, collectionId, itemId] { Q_EMIT newRequestRequested(collectionId, itemId); });
        menu.addAction(u"New &Folder"_s, this, [this, collectionId, itemId] { newFolder(collectionId, itemId, u"New Folder"_s); });
        menu.addSeparator();
        menu.addAction(u"&Settings\u2026"_s, this, [this, collectionId, itemId] { Q_EMIT settingsRequested(collectionId, itemId); });
    } else {
        menu.addAction(u"&Open"_s, this, [this, collectionId, itemId] { Q_EMIT openRequested(collectionId, itemId); });
    }
    menu.addAction(u"Re&name"_s, this, &CollectionsTree::renameSelected);
    menu.addAction(u"D&uplicate"_s, this, &CollectionsTree::duplicateSelected);
    if (itemId.isEmpty())
        menu.addAction(u"&Export to Postman\u2026"_s, this, [this, collectionId] { Q_EMIT exportRequested(collectionId); });
    menu.addSeparator();
    menu.addAction(u"&Delete"_s, this, &CollectionsTree::deleteSelected);
    menu.exec(viewport()->mapToGlobal(position));
}

} // namespace Postern
