#include "ui/workspace/requesttabs.h"

#include "ui/request/requesteditor.h"
#include "ui/workspace/requesttab.h"
#include "workspace/collection.h"
#include "workspace/workspace.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTabBar>

using namespace Qt::StringLiterals;

namespace Postern {

RequestTabs::RequestTabs(const OAuthServices &services, RequestSender *sender, QWidget *parent)
    : QTabWidget(parent)
    , m_services(services)
    , m_sender(sender)
{
    setObjectName(u"openTabs"_s);
    setAccessibleName(tr("Open requests"));
    setDocumentMode(true);
    setTabsClosable(true);
    setMovable(true);
    tabBar()->setAccessibleName(tr("Open requests"));
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(AutosaveDelayMs);
    connect(&m_autosave, &QTimer::timeout, this, &RequestTabs::autosave);
    connect(this, &QTabWidget::tabCloseRequested, this, &RequestTabs::closeTab);
    connect(this, &QTabWidget::currentChanged, this, [this] {
        Q_EMIT currentTabChanged(currentTab());
        scheduleAutosave();
    });
    connect(tabBar(), &QTabBar::tabMoved, this, &RequestTabs::scheduleAutosave);
}

RequestTabs::~RequestTabs() = default;

void RequestTabs::setWorkspace(Workspace *workspace, std::unique_ptr<SessionStore> sessionStore)
{
    m_workspace = workspace;
    m_sessionStore = std::move(sessionStore);
}

RequestTab *RequestTabs::currentTab() const
{
    return qobject_cast<RequestTab *>(currentWidget());
}

RequestTab *RequestTabs::tab(int index) const
{
    return qobject_cast<RequestTab *>(widget(index));
}

QList<RequestTab *> RequestTabs::tabs() const
{
    QList<RequestTab *> list;
    for (int i = 0; i < count(); ++i)
        list.append(tab(i));
    return list;
}

RequestTab *RequestTabs::addTab(const QString &id)
{
    auto *tab = new RequestTab(id, m_services, m_sender, m_workspace, this);
    tab->setObjectName(u"requestTab"_s);
    const int index = QTabWidget::addTab(tab, QString());
    connect(tab, &RequestTab::titleChanged, this, [this, tab] { updateTitle(tab); });
    connect(tab, &RequestTab::dirtyChanged, this, [this, tab] { updateTitle(tab); });
    connect(tab, &RequestTab::edited, this, &RequestTabs::scheduleAutosave);
    connect(tab, &RequestTab::exchanged, this, &RequestTabs::exchanged);
    connect(tab, &RequestTab::message, this, &RequestTabs::message);
    connect(tab->editor(), &RequestEditor::curlImported, this, &RequestTabs::curlImported);
    connect(tab->editor(), &RequestEditor::curlRefused, this, &RequestTabs::curlRefused);
    updateTitle(tab);
    setCurrentIndex(index);
    return tab;
}

RequestTab *RequestTabs::newTab(const HttpRequest &request)
{
    RequestTab *tab = addTab(Collection::newId());
    tab->open(QString(), QString(), QString(), HttpRequest());
    tab->setDraft(request);
    scheduleAutosave();
    return tab;
}

RequestTab *RequestTabs::openSaved(const QString &collectionId, const QString &itemId)
{
    for (RequestTab *open : tabs()) {
        if (open->collectionId() == collectionId && open->itemId() == itemId) {
            setCurrentWidget(open);
            return open;
        }
    }
    const Collection *collection = m_workspace ? m_workspace->collection(collectionId) : nullptr;
    const CollectionItem *item = collection ? collection->find(itemId) : nullptr;
    if (!item || item->isFolder())
        return nullptr;
    // An untouched empty tab is used rather than left behind.
    RequestTab *tab = currentTab();
    if (!tab || tab->isSaved() || tab->isDirty() || !tab->editor()->request().url.isEmpty() || tab->isBusy())
        tab = addTab(Collection::newId());
    tab->open(collectionId, itemId, item->name, item->request);
    scheduleAutosave();
    return tab;
}

void RequestTabs::updateTitle(RequestTab *tab)
{
    const int index = indexOf(tab);
    if (index < 0)
        return;
    const QString title = tab->title();
    // "•" marks unsaved changes, as in most editors; the accessible text says it in words.
    setTabText(index, (tab->isDirty() ? u"\u2022 "_s : QString()) + QString(title).replace(u'&', u"&&"_s));
    setTabToolTip(index, tab->isDirty() ? tr("%1 (unsaved changes)").arg(title) : title);
    tabBar()->setAccessibleTabName(index, tab->isDirty() ? tr("%1, unsaved").arg(title) : title);
    // Qt leaves the tab's close button (left or right, by style) without a name.
    for (const QTabBar::ButtonPosition side : { QTabBar::LeftSide, QTabBar::RightSide }) {
        if (QWidget *close = tabBar()->tabButton(index, side))
            close->setAccessibleName(tr("Close %1").arg(title));
    }
}

bool RequestTabs::closeTab(int index)
{
    RequestTab *closing = tab(index);
    if (!closing)
        return false;
    if (closing->isDirty()) {
        QMessageBox box(QMessageBox::Question, tr("Unsaved Changes"),
                        tr("“%1” has unsaved changes. Save them before closing?").arg(closing->title()),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(u"confirmCloseTab"_s);
        box.setDefaultButton(QMessageBox::Save);
        const int answer = box.exec();
        if (answer == QMessageBox::Cancel)
            return false;
        if (answer == QMessageBox::Save && !save(closing))
            return false;
    }
    forgetDraft(closing->id());
    removeTab(index);
    closing->deleteLater();
    if (count() == 0)
        newTab();
    scheduleAutosave();
    return true;
}

bool RequestTabs::save(RequestTab *tab)
{
    if (!tab)
        return false;
    if (!m_workspace) {
        Q_EMIT message(tr("There is no workspace to save to."));
        return false;
    }
    const Collection *found = m_workspace->collection(tab->collectionId());
    if (!found || !found->find(tab->itemId()))
        return saveAs(tab);
    Collection collection = *found;
    CollectionItem *item = collection.find(tab->itemId());
    item->request = tab->editor()->request();
    if (const QString error = m_workspace->saveCollection(collection); !error.isEmpty()) {
        QMessageBox::warning(this, tr("Not Saved"), error);
        return false;
    }
    tab->markSaved(collection.id, item->id, item->name);
    forgetDraft(tab->id());
    Q_EMIT message(tr("Saved “%1” in %2.").arg(item->name, collection.name));
    scheduleAutosave();
    return true;
}

bool RequestTabs::saveAs(RequestTab *tab)
{
    if (!tab || !m_workspace)
        return false;
    // One label per collection, told apart when names repeat ("New Collection (2)").
    QStringList names;
    const QList<Collection> collections = m_workspace->collections();
    for (const Collection &collection : collections) {
        QString label = collection.name;
        for (int n = 2; names.contains(label); ++n)
            label = u"%1 (%2)"_s.arg(collection.name).arg(n);
        names.append(label);
    }
    const QString newCollection = tr("New collection…");
    names.append(newCollection);
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Request"), tr("Request name:"),
                                               QLineEdit::Normal, tab->title(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return false;
    const QString target
        = QInputDialog::getItem(this, tr("Save Request"), tr("Save to collection:"), names, 0, false, &ok);
    if (!ok)
        return false;
    Collection collection;
    if (target == newCollection) {
        const QString collectionName
            = QInputDialog::getText(this, tr("New Collection"), tr("Collection name:"), QLineEdit::Normal,
                                    tr("New Collection"), &ok)
                  .trimmed();
        if (!ok || collectionName.isEmpty())
            return false;
        collection = Collection::make(collectionName);
    } else {
        collection = collections.at(names.indexOf(target));
    }
    HttpRequest request = tab->editor()->request();
    const CollectionItem item = CollectionItem::makeRequest(name, request);
    collection.insert(QString(), -1, item);
    if (const QString error = m_workspace->saveCollection(collection); !error.isEmpty()) {
        QMessageBox::warning(this, tr("Not Saved"), error);
        return false;
    }
    tab->markSaved(collection.id, item.id, name);
    forgetDraft(tab->id());
    Q_EMIT message(tr("Saved “%1” in %2.").arg(name, collection.name));
    scheduleAutosave();
    return true;
}

bool RequestTabs::confirmCloseAll()
{
    // Unsaved changes survive a quit as drafts; nothing to ask. A tab being sent is cancelled.
    for (RequestTab *open : tabs()) {
        if (open->isBusy())
            open->cancel();
    }
    return true;
}

void RequestTabs::refreshContexts()
{
    for (RequestTab *open : tabs()) {
        if (m_workspace && open->isSaved()) {
            // By id in every collection: a request dragged into another collection keeps its id.
            const Collection *owner = m_workspace->collection(open->collectionId());
            const CollectionItem *item = owner ? owner->find(open->itemId()) : nullptr;
            if (!item) {
                const QList<Collection> collections = m_workspace->collections();
                for (const Collection &collection : collections) {
                    if (const CollectionItem *moved = collection.find(open->itemId());
                        moved && !moved->isFolder()) {
                        open->followSaved(collection.id, *moved);
                        item = moved;
                        break;
                    }
                }
            } else {
                open->followSaved(owner->id, *item);
            }
            if (!item)
                open->detach();
        }
        open->refreshContext();
    }
}

void RequestTabs::forgetDraft(const QString &tabId)
{
    if (m_sessionStore)
        m_sessionStore->removeDraft(tabId);
    if (m_workspace)
        m_workspace->forgetDraftSecrets(tabId);
    m_draftRevisions.remove(tabId);
}

void RequestTabs::scheduleAutosave()
{
    if (m_sessionStore)
        m_autosave.start();
}

Session RequestTabs::sessionState() const
{
    Session session = m_windowState ? m_windowState() : Session();
    session.tabs.clear();
    for (RequestTab *open : tabs()) {
        if (open->isSaved())
            session.tabs.append({ open->id(), open->collectionId(), open->itemId(), open->title() });
        else
            session.tabs.append(
                { open->id(), open->missingCollectionId(), open->missingItemId(), QString() });
    }
    if (RequestTab *current = currentTab())
        session.currentTabId = current->id();
    return session;
}

void RequestTabs::autosave()
{
    flush(sessionState());
}

void RequestTabs::flush(const Session &session)
{
    m_autosave.stop();
    if (!m_sessionStore)
        return;
    QStringList errors;
    for (RequestTab *open : tabs()) {
        // A never-saved tab is only its draft, so it always has one; a saved one only when changed.
        if (open->isDirty() || !open->isSaved()) {
            if (m_draftRevisions.value(open->id(), -1) == open->revision() && open->revision() >= 0)
                continue; // written already
            const HttpRequest draft = open->editor()->request();
            if (const QString error = m_sessionStore->saveDraft(open->id(), draft); !error.isEmpty()) {
                errors.append(error);
            } else {
                m_draftRevisions.insert(open->id(), open->revision());
                if (m_workspace)
                    m_workspace->saveDraftSecrets(open->id(), draft.auth);
            }
        } else if (m_draftRevisions.contains(open->id())) {
            forgetDraft(open->id());
        }
    }
    if (const QString error = m_sessionStore->save(session); !error.isEmpty())
        errors.append(error);
    if (!errors.isEmpty())
        Q_EMIT message(tr("Unsaved edits could not be kept: %1").arg(errors.join(u' ')));
}

QStringList RequestTabs::restore(Session *session)
{
    QStringList messages;
    if (!m_sessionStore)
        return messages;
    *session = m_sessionStore->load(&messages);
    QStringList restored;
    QString currentId;
    auto restoreDraft = [&](RequestTab *tab) {
        if (const std::optional<HttpRequest> draft = m_sessionStore->loadDraft(tab->id(), &messages)) {
            tab->setDraft(*draft);
            m_draftRevisions.insert(tab->id(), -1); // a file is there; what it holds is written again
            if (m_workspace) {
                QPointer<RequestTab> guard(tab);
                m_workspace->readDraftSecrets(tab->id(), tab, [guard](const WorkspaceSecrets::Map &secrets) {
                    if (guard)
                        guard->fillSecrets(secrets);
                });
            }
        }
    };
    for (const SessionTab &saved : std::as_const(session->tabs)) {
        if (restored.contains(saved.id))
            continue;
        RequestTab *tab = addTab(saved.id);
        const Collection *collection = m_workspace ? m_workspace->collection(saved.collectionId) : nullptr;
        const CollectionItem *item = collection ? collection->find(saved.itemId) : nullptr;
        if (item && !item->isFolder()) {
            tab->open(saved.collectionId, saved.itemId, item->name, item->request);
        } else {
            tab->open(QString(), QString(), QString(), HttpRequest());
            if (!collection && !saved.collectionId.isEmpty())
                tab->setMissingOrigin(saved.collectionId, saved.itemId);
        }
        restoreDraft(tab);
        restored.append(saved.id);
        if (saved.id == session->currentTabId)
            currentId = saved.id;
    }
    // Drafts no session lists (the session file was damaged, or the process died between the two
    // writes): opened too, never dropped.
    const QStringList drafts = m_sessionStore->draftIds();
    for (const QString &id : drafts) {
        if (restored.contains(id))
            continue;
        RequestTab *tab = addTab(id);
        tab->open(QString(), QString(), QString(), HttpRequest());
        restoreDraft(tab);
        restored.append(id);
    }
    for (RequestTab *open : tabs()) {
        if (open->id() == currentId)
            setCurrentWidget(open);
    }
    return messages;
}

} // namespace Postern
