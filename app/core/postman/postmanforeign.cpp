#include "postman/postmanforeign.h"

#include "postman/postmanjson.h"
#include "postman/postmankeys.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Postern::PostmanForeign {

namespace {

using namespace PostmanKeys;

// The item's kept fields with its saved examples' request secrets emptied (taken into *taken by
// "example/INDEX/TYPE/PARAM") or, with restore, filled back.
QJsonObject exampleSecrets(const QJsonObject &kept, QHash<QString, QString> *taken,
                           const QHash<QString, QString> *restore)
{
    const QJsonValue responses = kept.value(u"response"_s);
    if (!responses.isArray())
        return kept;
    QJsonArray array = responses.toArray();
    bool changed = false;
    for (qsizetype i = 0; i < array.size(); ++i) {
        QJsonObject response = array.at(i).toObject();
        QJsonObject request = response.value(u"originalRequest"_s).toObject();
        const QJsonValue auth = request.value(u"auth"_s);
        if (!auth.isObject())
            continue;
        const QString prefix = u"example/%1/"_s.arg(i);
        QJsonObject result;
        if (restore) {
            QHash<QString, QString> mine;
            for (auto it = restore->cbegin(); it != restore->cend(); ++it) {
                if (it.key().startsWith(prefix))
                    mine.insert(it.key().mid(prefix.size()), it.value());
            }
            if (mine.isEmpty())
                continue;
            result = PostmanJson::restoreSecrets(auth.toObject(), mine);
        } else {
            QHash<QString, QString> mine;
            result = PostmanJson::blankSecrets(auth.toObject(), nullptr, &mine);
            if (mine.isEmpty())
                continue;
            if (taken) {
                for (auto it = mine.cbegin(); it != mine.cend(); ++it)
                    taken->insert(prefix + it.key(), it.value());
            }
        }
        request.insert(u"auth"_s, result);
        response.insert(u"originalRequest"_s, request);
        array.replace(i, response);
        changed = true;
    }
    if (!changed)
        return kept;
    QJsonObject result = kept;
    result.insert(u"response"_s, array);
    return result;
}

QJsonObject foreignSecrets(const QJsonObject &foreign, QHash<QString, QString> *taken,
                           const QHash<QString, QString> *restore)
{
    QJsonObject postman = foreign.value(postmanKey).toObject();
    const QJsonObject kept = postman.value(itemKey).toObject();
    const QJsonObject changed = exampleSecrets(kept, taken, restore);
    if (changed == kept)
        return foreign;
    postman.insert(itemKey, changed);
    QJsonObject result = foreign;
    result.insert(postmanKey, postman);
    return result;
}

} // namespace

QJsonObject withoutSecrets(const QJsonObject &foreign, QHash<QString, QString> *secrets)
{
    return foreignSecrets(foreign, secrets, nullptr);
}

QJsonObject withSecrets(const QJsonObject &foreign, const QHash<QString, QString> &secrets)
{
    if (secrets.isEmpty())
        return foreign;
    return foreignSecrets(foreign, nullptr, &secrets);
}

QJsonObject exampleWithoutSecrets(const QJsonObject &kept)
{
    return exampleSecrets(kept, nullptr, nullptr);
}

} // namespace Postern::PostmanForeign
