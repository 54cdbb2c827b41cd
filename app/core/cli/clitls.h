#pragma once

#include <QSslConfiguration>
#include <QString>

#include <optional>

namespace Postern {

struct RunCommand;

// The TLS settings of `postern run`, from newman's options: --ssl-extra-ca-certs (PEM certificates
// trusted besides the system's), --ssl-client-cert with --ssl-client-key and --ssl-client-passphrase
// (a client certificate, PEM or DER, and its private key, RSA or EC, PEM or DER, encrypted or not).
namespace CliTls {

struct Loaded
{
    std::optional<QSslConfiguration> configuration; // none when no option asks for one
    QString error; // one sentence naming the file; empty when all was read
    bool ok() const { return error.isEmpty(); }
};

// From the default configuration, with what the options add.
Loaded load(const RunCommand &command);

} // namespace CliTls

} // namespace Postern
