#pragma once

#include "auth/oauth2result.h"
#include "shared/canaries.h"

// For the canary sweep after the whole suite (tests/canaries): every secret of a token the provider
// issued (access, refresh and ID token, a DPoP key), recorded as the test reads the result.
namespace Postern::Testing {

inline OAuth2Result recorded(const OAuth2Result &result)
{
    for (const QString &secret :
         { result.token.accessToken, result.token.refreshToken, result.token.idToken })
        recordCanary(secret);
    if (!result.token.dpopKey.isEmpty())
        recordPemCanary(result.token.dpopKey.toUtf8());
    return result;
}

} // namespace Postern::Testing
