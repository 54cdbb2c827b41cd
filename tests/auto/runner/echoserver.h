#pragma once

#include "shared/testhttpserver.h"

// A loopback server that answers as postman-echo.com does, for the public collections that were written
// against it: /get, /post, /put, /patch, /delete echo the request ({args, data, files, form, headers,
// json, url}), /headers its headers, /basic-auth checks "postman" / "password" (401 otherwise), and
// /digest-auth answers {authenticated: true} without a check. Anything else is a 404.
class EchoServer : public TestHttpServer
{
    Q_OBJECT

public:
    explicit EchoServer(QObject *parent = nullptr);

    static Reply answer(const Request &request, const QByteArray &origin);
};
