#include "sandbox/htmlpages.h"

using namespace Qt::StringLiterals;

namespace Postern::Sandbox {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\'', u"&#39;"_s);
}

QByteArray page(const QString &title, const QString &body)
{
    const QString html = u"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                         u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                         u"<title>"_s
        + esc(title)
        + u" | ServiceNow sandbox</title>\n<style>\n"
          u"body{font-family:sans-serif;background:#f4f5f7;margin:0;padding:2rem;color:#1f2933}\n"
          u"main{max-width:26rem;margin:auto;background:#fff;padding:1.5rem 2rem;border-radius:6px;"
          u"box-shadow:0 1px 3px rgba(0,0,0,.2)}\n"
          u"label{display:block;margin-top:1rem;font-weight:bold}\n"
          u"input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem}\n"
          u"button{margin-top:1.25rem;margin-right:.5rem;padding:.5rem 1.25rem}\n"
          u".error{color:#b00020;font-weight:bold}\n"
          u"</style>\n</head>\n<body>\n<main>\n"_s
        + body + u"</main>\n</body>\n</html>\n"_s;
    return html.toUtf8();
}

} // namespace

QByteArray HtmlPages::login(const QString &requestId, const QString &clientName, const QString &userName,
                            const QString &error, const QString &formToken)
{
    QString body = u"<h1>Log in</h1>\n"_s;
    if (!clientName.isEmpty())
        body += u"<p>Sign in to continue to <strong>"_s + esc(clientName) + u"</strong>.</p>\n"_s;
    if (!error.isEmpty())
        body += u"<p class=\"error\" id=\"error\" role=\"alert\">"_s + esc(error) + u"</p>\n"_s;
    body += u"<form id=\"login-form\" method=\"post\" action=\"/oauth_login.do\">\n"
            u"<input type=\"hidden\" name=\"request\" value=\""_s
        + esc(requestId) + u"\">\n<input type=\"hidden\" name=\""_s + formTokenField + u"\" value=\""_s
        + esc(formToken)
        + u"\">\n"
          u"<label for=\"user_name\">User name</label>\n"
          u"<input type=\"text\" id=\"user_name\" name=\"user_name\" autocomplete=\"username\" required value=\""_s
        + esc(userName)
        + u"\">\n"
          u"<label for=\"user_password\">Password</label>\n"
          u"<input type=\"password\" id=\"user_password\" name=\"user_password\" "
          u"autocomplete=\"current-password\" required>\n"
          u"<button type=\"submit\" id=\"login\">Log in</button>\n"
          u"</form>\n"_s;
    return page(u"Log in"_s, body);
}

QByteArray HtmlPages::consent(const QString &requestId, const QString &clientName, const QString &scope,
                              const QString &userDisplayName)
{
    const QString body = u"<h1>Authorize access</h1>\n<p id=\"consent-text\"><strong>"_s + esc(clientName)
        + u"</strong> would like to connect to your account.</p>\n"
          u"<p>Signed in as <strong>"_s
        + esc(userDisplayName) + u"</strong>.</p>\n<p>Requested scope: <code id=\"scope\">"_s + esc(scope)
        + u"</code></p>\n"
          u"<form id=\"consent-form\" method=\"post\" action=\"/oauth_consent.do\">\n"
          u"<input type=\"hidden\" name=\"request\" value=\""_s
        + esc(requestId)
        + u"\">\n"
          u"<button type=\"submit\" id=\"allow\" name=\"action\" value=\"allow\">Allow</button>\n"
          u"<button type=\"submit\" id=\"deny\" name=\"action\" value=\"deny\">Deny</button>\n"
          u"</form>\n"_s;
    return page(u"Authorize access"_s, body);
}

QByteArray HtmlPages::error(const QString &title, const QString &text)
{
    return page(title,
                u"<h1>"_s + esc(title) + u"</h1>\n<p class=\"error\" id=\"error\" role=\"alert\">"_s
                    + esc(text) + u"</p>\n"_s);
}

QByteArray HtmlPages::message(const QString &title, const QString &text)
{
    return page(title, u"<h1>"_s + esc(title) + u"</h1>\n<p id=\"message\">"_s + esc(text) + u"</p>\n"_s);
}

} // namespace Postern::Sandbox
