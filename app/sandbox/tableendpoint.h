#pragma once

#include "sandbox/httpexchange.h"
#include "sandbox/incidenttable.h"
#include "sandbox/oauthstore.h"
#include "sandbox/registry.h"
#include "sandbox/tablequery.h"

#include <functional>

namespace Postern::Sandbox {

// GET /api/now/[v1/|v2/]table/{table}[/{sys_id}]: authentication (a Bearer token the store issued, or
// Basic user credentials), then the record(s) as ServiceNow writes them, with X-Total-Count and Link
// pagination headers. Borrows the registry, the store and the data from the server.
class TableEndpoint
{
public:
    TableEndpoint(const Registry &registry, const OAuthStore &store, const IncidentTable &data,
                  std::function<QString()> baseUrl);

    // sysId is empty for the list form.
    Reply handle(const Request &request, const QString &table, const QString &sysId) const;

    // ServiceNow's {"error":{"message":…,"detail":…},"status":"failure"}; a null detail when detail is
    // a null QString.
    static Reply failure(int status, const QString &message, const QString &detail);

private:
    bool authenticated(const Request &request, bool *triedBearer) const;
    QByteArray recordJson(const QString &table, const Record &record, const TableQuery &query) const;
    QByteArray fieldJson(const Field &field, const TableQuery &query) const;
    QByteArray linkHeader(const Request &request, const TableQuery &query, qsizetype total) const;

    const Registry &m_registry;
    const OAuthStore &m_store;
    const IncidentTable &m_data;
    std::function<QString()> m_baseUrl;
};

} // namespace Postern::Sandbox
