#include "sandbox/registry.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Postern::Sandbox {

namespace {

constexpr int maxAccessLifespan = 31536000;
constexpr int maxRefreshLifespan = 315360000;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool checkKeys(const QJsonObject &object, const QStringList &allowed, const QString &where, QString *error)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return fail(error, u"%1: unknown key \"%2\""_s.arg(where, it.key()));
    }
    return true;
}

bool readString(const QJsonObject &object, const QString &key, const QString &where, QString *out,
                QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    if (!value.isString())
        return fail(error, u"%1.%2 must be a string"_s.arg(where, key));
    *out = value.toString();
    return true;
}

bool readBool(const QJsonObject &object, const QString &key, const QString &where, bool *out, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    if (!value.isBool())
        return fail(error, u"%1.%2 must be true or false"_s.arg(where, key));
    *out = value.toBool();
    return true;
}

bool readLifespan(const QJsonObject &object, const QString &key, const QString &where, int max, int *out,
                  QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != double(qint64(number)) || number < 1 || number > max)
        return fail(error,
                    u"%1.%2 must be a whole number of seconds between 1 and %3"_s.arg(where, key).arg(max));
    *out = int(number);
    return true;
}

bool parseJwtBearer(const QJsonValue &value, const QString &clientWhere, Client *client, QString *error)
{
    const QString where = clientWhere + u".jwtBearer"_s;
    if (!value.isObject())
        return fail(error, u"%1 must be an object"_s.arg(where));
    const QJsonObject object = value.toObject();
    if (!checkKeys(object, { u"jwks"_s, u"userField"_s, u"jtiVerification"_s }, where, error)
        || !readString(object, u"userField"_s, where, &client->jwtUserField, error)
        || !readBool(object, u"jtiVerification"_s, where, &client->jwtJtiVerification, error))
        return false;
    const QJsonValue jwks = object.value(u"jwks"_s);
    if (!jwks.isObject() || !jwks.toObject().value(u"keys"_s).isArray()
        || jwks.toObject().value(u"keys"_s).toArray().isEmpty())
        return fail(error,
                    u"%1.jwks must be a JWK Set with at least one key: {\"keys\": [...]}"_s.arg(where));
    if (client->jwtUserField != u"user_name"_s && client->jwtUserField != u"sys_id"_s)
        return fail(error, u"%1.userField must be \"user_name\" or \"sys_id\""_s.arg(where));
    client->jwtBearer = true;
    client->jwtKeys = jwks.toObject();
    return true;
}

bool validRedirectUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    // Private-use schemes (RFC 8252 §7.1) have no host, so only absoluteness is required.
    return url.isValid() && !url.isRelative() && !url.hasFragment();
}

std::optional<Client> parseClient(const QJsonValue &value, const QString &where, QString *error)
{
    if (!value.isObject()) {
        fail(error, u"%1 must be an object"_s.arg(where));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    static const QStringList keys = { u"clientId"_s,
                                      u"clientSecret"_s,
                                      u"name"_s,
                                      u"redirectUrls"_s,
                                      u"clientAuthentication"_s,
                                      u"accessTokenLifespan"_s,
                                      u"refreshTokenLifespan"_s,
                                      u"rotateRefreshTokens"_s,
                                      u"jwtBearer"_s };
    Client client;
    QString auth = u"body"_s;
    if (!checkKeys(object, keys, where, error)
        || !readString(object, u"clientId"_s, where, &client.clientId, error)
        || !readString(object, u"clientSecret"_s, where, &client.clientSecret, error)
        || !readString(object, u"name"_s, where, &client.name, error)
        || !readString(object, u"clientAuthentication"_s, where, &auth, error)
        || !readLifespan(object, u"accessTokenLifespan"_s, where, maxAccessLifespan,
                         &client.accessTokenLifespan, error)
        || !readLifespan(object, u"refreshTokenLifespan"_s, where, maxRefreshLifespan,
                         &client.refreshTokenLifespan, error)
        || !readBool(object, u"rotateRefreshTokens"_s, where, &client.rotateRefreshTokens, error)) {
        return std::nullopt;
    }
    if (client.clientId.isEmpty()) {
        fail(error, u"%1.clientId is required and must not be empty"_s.arg(where));
        return std::nullopt;
    }
    const auto method = authMethodFromName(auth);
    if (!method) {
        fail(error, u"%1.clientAuthentication must be \"body\", \"basic\" or \"none\""_s.arg(where));
        return std::nullopt;
    }
    client.auth = *method;
    if (client.auth != Client::AuthMethod::None && client.clientSecret.isEmpty()) {
        fail(error, u"%1.clientSecret is required unless clientAuthentication is \"none\""_s.arg(where));
        return std::nullopt;
    }
    if (client.name.isEmpty())
        client.name = client.clientId;
    if (object.contains(u"jwtBearer"_s)
        && !parseJwtBearer(object.value(u"jwtBearer"_s), where, &client, error))
        return std::nullopt;

    const QJsonValue urls = object.value(u"redirectUrls"_s);
    if (!urls.isArray() || urls.toArray().isEmpty()) {
        fail(error, u"%1.redirectUrls must be a non-empty array of URLs"_s.arg(where));
        return std::nullopt;
    }
    const QJsonArray array = urls.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString url = array.at(i).toString();
        if (!array.at(i).isString() || !validRedirectUrl(url)) {
            fail(error,
                 u"%1.redirectUrls[%2] must be an absolute URL without a fragment"_s.arg(where).arg(i));
            return std::nullopt;
        }
        client.redirectUrls.append(url);
    }
    return client;
}

std::optional<User> parseUser(const QJsonValue &value, const QString &where, QString *error)
{
    if (!value.isObject()) {
        fail(error, u"%1 must be an object"_s.arg(where));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    static const QStringList keys = { u"userName"_s, u"password"_s, u"name"_s, u"sysId"_s };
    User user;
    if (!checkKeys(object, keys, where, error)
        || !readString(object, u"userName"_s, where, &user.userName, error)
        || !readString(object, u"password"_s, where, &user.password, error)
        || !readString(object, u"name"_s, where, &user.name, error)
        || !readString(object, u"sysId"_s, where, &user.sysId, error)) {
        return std::nullopt;
    }
    if (user.userName.isEmpty()) {
        fail(error, u"%1.userName is required and must not be empty"_s.arg(where));
        return std::nullopt;
    }
    if (!object.contains(u"password"_s)) {
        fail(error, u"%1.password is required"_s.arg(where));
        return std::nullopt;
    }
    static const QRegularExpression hex32(u"^[0-9a-f]{32}$"_s);
    if (user.sysId.isEmpty())
        user.sysId = Registry::derivedSysId(user.userName);
    else if (!hex32.match(user.sysId).hasMatch()) {
        fail(error, u"%1.sysId must be 32 lowercase hexadecimal digits"_s.arg(where));
        return std::nullopt;
    }
    if (user.name.isEmpty())
        user.name = user.userName;
    return user;
}

bool isLoopbackHttp(const QUrl &url)
{
    if (url.scheme() != u"http")
        return false;
    const QHostAddress address(url.host());
    return !address.isNull() && address.isLoopback();
}

} // namespace

QString authMethodName(Client::AuthMethod method)
{
    switch (method) {
    case Client::AuthMethod::Body:
        return u"body"_s;
    case Client::AuthMethod::BasicHeader:
        return u"basic"_s;
    case Client::AuthMethod::None:
        return u"none"_s;
    }
    return QString();
}

std::optional<Client::AuthMethod> authMethodFromName(const QString &name)
{
    if (name == u"body")
        return Client::AuthMethod::Body;
    if (name == u"basic")
        return Client::AuthMethod::BasicHeader;
    if (name == u"none")
        return Client::AuthMethod::None;
    return std::nullopt;
}

QList<User> Registry::defaultUsers()
{
    return {
        User { u"admin"_s, u"admin"_s, u"6816f79cc0a8016401c5a33be04be441"_s, u"System Administrator"_s },
        User { u"abel.tuter"_s, u"abel.tuter"_s, u"62826bf03710200044e0bfc8bcbe5df1"_s, u"Abel Tuter"_s },
    };
}

Registry Registry::defaults()
{
    Registry registry;
    Client client;
    client.clientId = u"postern"_s;
    client.clientSecret = u"postern-secret"_s;
    client.name = u"Postern"_s;
    client.redirectUrls = { u"https://oauth.pstmn.io/v1/callback"_s, u"http://127.0.0.1/callback"_s };
    client.auth = Client::AuthMethod::Body;
    registry.clients.append(client);
    registry.users = defaultUsers();
    return registry;
}

std::optional<Registry> Registry::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(error,
             u"not valid JSON at offset %1: %2"_s.arg(parseError.offset).arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail(error, u"the registry must be a JSON object"_s);
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    Registry registry;
    if (!checkKeys(root, { u"issuerParameter"_s, u"clients"_s, u"users"_s }, u"registry"_s, error)
        || !readBool(root, u"issuerParameter"_s, u"registry"_s, &registry.sendIssuer, error)) {
        return std::nullopt;
    }

    const QJsonValue clients = root.value(u"clients"_s);
    if (!clients.isArray() || clients.toArray().isEmpty()) {
        fail(error, u"registry.clients must be a non-empty array"_s);
        return std::nullopt;
    }
    QSet<QString> clientIds;
    const QJsonArray clientArray = clients.toArray();
    for (qsizetype i = 0; i < clientArray.size(); ++i) {
        const auto client = parseClient(clientArray.at(i), u"clients[%1]"_s.arg(i), error);
        if (!client)
            return std::nullopt;
        if (clientIds.contains(client->clientId)) {
            fail(error, u"clients[%1].clientId \"%2\" is used twice"_s.arg(i).arg(client->clientId));
            return std::nullopt;
        }
        clientIds.insert(client->clientId);
        registry.clients.append(*client);
    }

    const QJsonValue users = root.value(u"users"_s);
    if (users.isUndefined()) {
        registry.users = defaultUsers();
    } else if (!users.isArray()) {
        fail(error, u"registry.users must be an array"_s);
        return std::nullopt;
    } else {
        QSet<QString> names;
        QSet<QString> sysIds;
        const QJsonArray userArray = users.toArray();
        for (qsizetype i = 0; i < userArray.size(); ++i) {
            const auto user = parseUser(userArray.at(i), u"users[%1]"_s.arg(i), error);
            if (!user)
                return std::nullopt;
            if (names.contains(user->userName) || sysIds.contains(user->sysId)) {
                fail(error, u"users[%1] repeats a userName or sysId"_s.arg(i));
                return std::nullopt;
            }
            names.insert(user->userName);
            sysIds.insert(user->sysId);
            registry.users.append(*user);
        }
    }
    return registry;
}

const Client *Registry::client(const QString &clientId) const
{
    for (const Client &c : clients) {
        if (c.clientId == clientId)
            return &c;
    }
    return nullptr;
}

const User *Registry::user(const QString &userName) const
{
    for (const User &u : users) {
        if (u.userName == userName)
            return &u;
    }
    return nullptr;
}

const User *Registry::userBySysId(const QString &sysId) const
{
    for (const User &u : users) {
        if (u.sysId == sysId)
            return &u;
    }
    return nullptr;
}

bool Registry::redirectMatches(const QString &registered, const QString &requested)
{
    if (registered == requested)
        return true;
    // RFC 8252 §7.3: the port of a loopback redirect is chosen by the native app at run time.
    const QUrl reg(registered, QUrl::StrictMode);
    const QUrl req(requested, QUrl::StrictMode);
    if (!reg.isValid() || !req.isValid() || !isLoopbackHttp(reg) || !isLoopbackHttp(req))
        return false;
    if (req.hasFragment() || !req.userInfo().isEmpty())
        return false;
    return reg.host() == req.host() && reg.path(QUrl::FullyEncoded) == req.path(QUrl::FullyEncoded)
        && reg.query(QUrl::FullyEncoded) == req.query(QUrl::FullyEncoded) && reg.hasQuery() == req.hasQuery();
}

QString Registry::matchingRedirect(const Client &client, const QString &requested)
{
    for (const QString &registered : client.redirectUrls) {
        if (redirectMatches(registered, requested))
            return registered;
    }
    return QString();
}

QString Registry::derivedSysId(const QString &userName)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray("sys_user:" + userName.toUtf8()), QCryptographicHash::Md5)
            .toHex());
}

} // namespace Postern::Sandbox
