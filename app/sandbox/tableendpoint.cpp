#include "sandbox/tableendpoint.h"

#include "sandbox/jsonwriter.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Postern::Sandbox {

TableEndpoint::TableEndpoint(const Registry &registry, const OAuthStore &store, const IncidentTable &data,
                             std::function<QString()> baseUrl)
    : m_registry(registry)
    , m_store(store)
    , m_data(data)
    , m_baseUrl(std::move(baseUrl))
{
}

Reply TableEndpoint::failure(int status, const QString &message, const QString &detail)
{
    JsonWriter error;
    error.add(u"message"_s, message);
    if (detail.isNull())
        error.addNull(u"detail"_s);
    else
        error.add(u"detail"_s, detail);
    return Reply::json(
        status, JsonWriter().addRaw(u"error"_s, error.object()).add(u"status"_s, u"failure"_s).object());
}

bool TableEndpoint::authenticated(const Request &request, bool *triedBearer) const
{
    const QList<QByteArray> headers = request.headerValues("Authorization");
    if (headers.size() != 1)
        return false;
    const QByteArray value = headers.first().trimmed();
    const qsizetype space = value.indexOf(' ');
    const QByteArray scheme = (space < 0 ? value : value.left(space)).toLower();
    const QByteArray credentials = value.mid(scheme.size()).trimmed();
    if (scheme == "bearer") {
        *triedBearer = true;
        return m_store.accessToken(credentials) != nullptr;
    }
    if (scheme == "basic") {
        // RFC 7617: user-id ":" password, not form-encoded.
        const auto decoded
            = QByteArray::fromBase64Encoding(credentials, QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded.decoded.indexOf(':');
        if (!decoded || colon < 0)
            return false;
        const User *user = m_registry.user(QString::fromUtf8(decoded.decoded.left(colon)));
        return user
            && OAuthStore::sameSecret(QString::fromUtf8(decoded.decoded.mid(colon + 1)), user->password);
    }
    return false;
}

Reply TableEndpoint::handle(const Request &request, const QString &table, const QString &sysId) const
{
    if (request.method != "GET") {
        return failure(405, u"Method not Supported"_s,
                       u"The sandbox instance serves the Table API read-only: use GET."_s)
            .withHeader("Allow"_ba, "GET"_ba);
    }
    bool triedBearer = false;
    if (!authenticated(request, &triedBearer)) {
        // RFC 6750 §3.1 for a bad Bearer token; ServiceNow's Basic challenge otherwise.
        return failure(401, u"User Not Authenticated"_s, u"Required to provide Auth information"_s)
            .withHeader("WWW-Authenticate"_ba,
                        triedBearer ? "Bearer realm=\"Service-now\", error=\"invalid_token\""_ba
                                    : "BASIC realm=\"Service-now\""_ba);
    }
    if (!m_data.records(table))
        return failure(400, u"Invalid table "_s + table, QString());

    QString error;
    const auto query = TableQuery::fromParameters(request.queryFields(), &error);
    if (!query)
        return failure(400, u"Invalid query parameter"_s, error);

    if (!sysId.isEmpty()) {
        const Record *record = m_data.find(table, sysId);
        if (!record) {
            return failure(404, u"No Record found"_s,
                           u"Record doesn't exist or ACL restricts the record retrieval"_s);
        }
        return Reply::json(200, "{\"result\":" + recordJson(table, *record, *query) + "}");
    }

    const auto selected = query->select(m_data, table, &error);
    if (!selected)
        return failure(400, u"Invalid query"_s, error);
    const qsizetype total = selected->size();
    QList<QByteArray> page;
    for (qsizetype i = query->offset; i < total && i - query->offset < query->limit; ++i)
        page.append(recordJson(table, *selected->at(i), *query));
    Reply reply = Reply::json(200, "{\"result\":" + JsonWriter::array(page) + "}");
    if (!query->suppressPaginationHeader)
        reply.withHeader("Link"_ba, linkHeader(request, *query, total));
    if (!query->noCount)
        reply.withHeader("X-Total-Count"_ba, QByteArray::number(total));
    return reply;
}

QByteArray TableEndpoint::recordJson(const QString &table, const Record &record,
                                     const TableQuery &query) const
{
    JsonWriter json;
    if (query.fields.isEmpty()) {
        for (const Field &field : record.fields)
            json.addRaw(field.name, fieldJson(field, query));
    } else {
        // Unknown names in sysparm_fields are left out, as ServiceNow does.
        for (const QString &name : query.fields) {
            const auto field = m_data.resolve(table, record, name);
            if (field)
                json.addRaw(name, fieldJson(*field, query));
        }
    }
    return json.object();
}

QByteArray TableEndpoint::fieldJson(const Field &field, const TableQuery &query) const
{
    const QString display = field.displayValue();
    if (!field.isReference()) {
        if (query.displayValue == TableQuery::DisplayValue::False)
            return JsonWriter::quote(field.value);
        if (query.displayValue == TableQuery::DisplayValue::True)
            return JsonWriter::quote(display);
        return JsonWriter().add(u"display_value"_s, display).add(u"value"_s, field.value).object();
    }

    const QString link = m_baseUrl() + u"/api/now/table/"_s + field.referenceTable + u'/' + field.value;
    const bool withLink = !query.excludeReferenceLink && !field.value.isEmpty();
    switch (query.displayValue) {
    case TableQuery::DisplayValue::False:
        if (!withLink)
            return JsonWriter::quote(field.value);
        return JsonWriter().add(u"link"_s, link).add(u"value"_s, field.value).object();
    case TableQuery::DisplayValue::True:
        if (!withLink)
            return JsonWriter::quote(display);
        return JsonWriter().add(u"display_value"_s, display).add(u"link"_s, link).object();
    case TableQuery::DisplayValue::All: {
        JsonWriter json;
        json.add(u"display_value"_s, display);
        if (withLink)
            json.add(u"link"_s, link);
        return json.add(u"value"_s, field.value).object();
    }
    }
    return JsonWriter::quote(field.value);
}

QByteArray TableEndpoint::linkHeader(const Request &request, const TableQuery &query, qsizetype total) const
{
    FormFields kept;
    for (const FormField &field : request.queryFields()) {
        if (field.first != u"sysparm_offset" && field.first != u"sysparm_limit")
            kept.append(field);
    }
    const QString base = m_baseUrl() + QString::fromUtf8(QUrl::toPercentEncoding(request.path, "/"));
    auto link = [&](qsizetype offset, const char *rel) -> QByteArray {
        FormFields fields = { { u"sysparm_limit"_s, QString::number(query.limit) },
                              { u"sysparm_offset"_s, QString::number(offset) } };
        fields.append(kept);
        return "<" + base.toUtf8() + '?' + FormUrlEncoded::encode(fields) + ">;rel=\"" + rel + '"';
    };
    const qsizetype limit = query.limit;
    const qsizetype offset = query.offset;
    const qsizetype last = total == 0 ? 0 : ((total - 1) / limit) * limit;
    QList<QByteArray> links;
    links.append(link(0, "first"));
    if (offset > 0)
        links.append(link(qMax<qsizetype>(0, offset - limit), "prev"));
    if (offset + limit < total)
        links.append(link(offset + limit, "next"));
    links.append(link(last, "last"));
    return links.join(',');
}

} // namespace Postern::Sandbox
