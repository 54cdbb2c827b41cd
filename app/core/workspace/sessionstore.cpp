#include "workspace/sessionstore.h"

#include "base/atomicfile.h"
#include "base/jsonfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

constexpr int maxTabs = 500;

bool isSafeId(const QString &id)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9-]{1,64}$"_s);
    return pattern.match(id).hasMatch();
}

QString setAsideMessage(const QString &path, const QString &why)
{
    QString error;
    const QString kept = JsonFile::setAside(path, &error);
    if (kept.isEmpty())
        return QCoreApplication::translate("Postern::SessionStore", "%1 could not be read (%2); %3")
            .arg(QFileInfo(path).fileName(), why, error);
    return QCoreApplication::translate("Postern::SessionStore",
                                       "%1 could not be read (%2); it was kept as %3.")
        .arg(QFileInfo(path).fileName(), why, QFileInfo(kept).fileName());
}

} // namespace

QJsonObject Session::toJson() const
{
    QJsonArray tabArray;
    for (const SessionTab &tab : tabs) {
        tabArray.append(QJsonObject { { u"id"_s, tab.id },
                                      { u"collectionId"_s, tab.collectionId },
                                      { u"itemId"_s, tab.itemId },
                                      { u"title"_s, tab.title } });
    }
    return QJsonObject {
        { u"postern"_s, u"session"_s },
        { u"tabs"_s, tabArray },
        { u"currentTab"_s, currentTabId },
        { u"environment"_s, environmentId },
        { u"windowGeometry"_s, QString::fromLatin1(windowGeometry.toBase64()) },
        { u"windowState"_s, QString::fromLatin1(windowState.toBase64()) },
        { u"splitterState"_s, QString::fromLatin1(splitterState.toBase64()) },
    };
}

Session Session::fromJson(const QJsonObject &object)
{
    Session session;
    const QJsonArray tabArray = object.value(u"tabs"_s).toArray();
    for (const QJsonValue &value : tabArray) {
        const QJsonObject tab = value.toObject();
        const QString id = tab.value(u"id"_s).toString();
        if (!isSafeId(id) || session.tabs.size() >= maxTabs)
            continue;
        session.tabs.append({ id, tab.value(u"collectionId"_s).toString(), tab.value(u"itemId"_s).toString(),
                              tab.value(u"title"_s).toString().left(200) });
    }
    session.currentTabId = object.value(u"currentTab"_s).toString();
    session.environmentId = object.value(u"environment"_s).toString();
    session.windowGeometry = QByteArray::fromBase64(object.value(u"windowGeometry"_s).toString().toLatin1());
    session.windowState = QByteArray::fromBase64(object.value(u"windowState"_s).toString().toLatin1());
    session.splitterState = QByteArray::fromBase64(object.value(u"splitterState"_s).toString().toLatin1());
    return session;
}

SessionStore::SessionStore(const QString &directory)
    : m_directory(directory)
{
}

QString SessionStore::draftPath(const QString &tabId) const
{
    return m_directory + u"/drafts/"_s + tabId + u".json"_s;
}

Session SessionStore::load(QStringList *messages) const
{
    const QString path = m_directory + u"/session.json"_s;
    // The session file has never had a size cap: it is small, and written by this machine only.
    const JsonFile::ReadResult file = JsonFile::read(path, JsonFile::Contents::Parsed, JsonFile::noLimit);
    switch (file.status) {
    case JsonFile::Status::Missing:
        return {};
    case JsonFile::Status::Unreadable:
        messages->append(file.reason);
        return {};
    case JsonFile::Status::TooLarge:
    case JsonFile::Status::NotJson:
    case JsonFile::Status::Ok:
        break;
    }
    const QJsonDocument &document = file.document;
    if (!file.ok() || !document.isObject()
        || document.object().value(u"postern"_s).toString() != u"session"_s) {
        messages->append(
            setAsideMessage(
                path, QCoreApplication::translate("Postern::SessionStore", "it is not a Postern session"))
            + u' '
            + QCoreApplication::translate(
                  "Postern::SessionStore",
                  "The tabs open before are listed nowhere else; their drafts are kept in %1.")
                  .arg(QDir::toNativeSeparators(m_directory + u"/drafts"_s)));
        return {};
    }
    return Session::fromJson(document.object());
}

QString SessionStore::save(const Session &session) const
{
    return AtomicFile::write(m_directory + u"/session.json"_s, QJsonDocument(session.toJson()).toJson());
}

QString SessionStore::saveDraft(const QString &tabId, const HttpRequest &request) const
{
    if (!isSafeId(tabId))
        return QCoreApplication::translate("Postern::SessionStore", "A tab has an unusable id.");
    const QJsonObject object { { u"postern"_s, u"draft"_s }, { u"request"_s, request.toJson() } };
    return AtomicFile::write(draftPath(tabId), QJsonDocument(object).toJson());
}

std::optional<HttpRequest> SessionStore::loadDraft(const QString &tabId, QStringList *messages) const
{
    if (!isSafeId(tabId))
        return std::nullopt;
    const QString path = draftPath(tabId);
    const JsonFile::ReadResult file = JsonFile::read(path);
    switch (file.status) {
    case JsonFile::Status::Missing:
        return std::nullopt;
    case JsonFile::Status::Unreadable:
        messages->append(file.reason);
        return std::nullopt;
    case JsonFile::Status::TooLarge:
        messages->append(setAsideMessage(path, file.reason));
        return std::nullopt;
    case JsonFile::Status::NotJson:
    case JsonFile::Status::Ok:
        break;
    }
    const QJsonDocument &document = file.document;
    if (!file.ok() || !document.isObject()
        || document.object().value(u"postern"_s).toString() != u"draft"_s) {
        messages->append(setAsideMessage(
            path, QCoreApplication::translate("Postern::SessionStore", "it is not a Postern draft")));
        return std::nullopt;
    }
    QStringList problems;
    HttpRequest request = HttpRequest::fromJson(document.object().value(u"request"_s).toObject(), &problems);
    for (const QString &problem : std::as_const(problems))
        messages->append(QCoreApplication::translate("Postern::SessionStore", "A draft: %1").arg(problem));
    return request;
}

void SessionStore::removeDraft(const QString &tabId) const
{
    if (isSafeId(tabId))
        QFile::remove(draftPath(tabId));
}

QStringList SessionStore::draftIds() const
{
    QStringList ids;
    const QDir drafts(m_directory + u"/drafts"_s);
    for (const QFileInfo &info :
         drafts.entryInfoList({ u"*.json"_s }, QDir::Files, QDir::Time | QDir::Reversed)) {
        if (isSafeId(info.completeBaseName()))
            ids.append(info.completeBaseName());
    }
    return ids;
}

} // namespace Postern
