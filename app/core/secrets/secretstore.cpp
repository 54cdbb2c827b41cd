#include "secrets/secretstore.h"

namespace Postern {

SecretStore::~SecretStore() = default;

} // namespace Postern
