#include "bodyview/htmlformatter.h"
#include "bodyview/rawlines.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

// Plain literals: moc's reader stumbles over some raw ones.
const QByteArray GatewayErrorPage
    = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
      "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
      "</body>\r\n</html>\r\n"_ba;

const QByteArray LoginPage
    = "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><meta name=viewport "
      "content=\"width=device-width\">\n<title>Sign in &middot; Example</title>"
      "<link rel=stylesheet href=/app.css><style>body > main { margin: 0 }</style></head>"
      "<body class=\"login page\"><!-- login form --><main><h1>Sign in</h1>"
      "<form method=post action=\"/login?next=%2F\"><label for=u>User</label><input id=u name=user autofocus>"
      "<label for=p>Password</label><input id=p type=password name=pass required>"
      "<select name=realm><option value=a selected>Alpha<option value=b>Beta</select>"
      "<textarea name=note>  keep <b>this</b>\n as is</textarea>"
      "<button type=submit>Go</button></form><p>No account? <a href=/signup>Sign up</a>.<p>Second paragraph"
      "<table><tr><th>Key<th>Value<tr><td>a<td>1</table>"
      "<pre>  line 1\n    <i>line 2</i>\n</pre></main>"
      "<script>if (a < b && c > d) { document.write(\"<\\/script>\"); }</script></body></html>\n"_ba;

QByteArray run(const QString &program, const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted())
        return QByteArray();
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    return process.readAllStandardOutput();
}

QByteArray withoutWhitespace(QByteArray text)
{
    text.removeIf([](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; });
    return text;
}

} // namespace

class tst_HtmlFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void indent_data();
    void indent();
    void hostile_data();
    void hostile();
    void manyUnclosedDivs();
    void tenMegabytesOfText();
    void sameTextAndElementsForLibxml2_data();
    void sameTextAndElementsForLibxml2();
    void formattingTwiceChangesNothing();
    void cancel();
};

void tst_HtmlFormatter::indent_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("nested, void elements open no level")
        << "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><link rel=stylesheet href=a.css></head>"
           "<body><div><br><img src=x.png alt=\"\"><input type=checkbox checked></div></body></html>"_ba
        << "<!DOCTYPE html>\n<html>\n  <head>\n    <meta charset=\"utf-8\">\n    <link rel=stylesheet "
           "href=a.css>\n"
           "  </head>\n  <body>\n    <div>\n      <br>\n      <img src=x.png alt=\"\">\n"
           "      <input type=checkbox checked>\n    </div>\n  </body>\n</html>"_ba;
    QTest::newRow("an element with only text on one line")
        << "<ul><li><a href=\"/a\">A &amp; B</a></li><li></li></ul>"_ba
        << "<ul>\n  <li>\n    <a href=\"/a\">A &amp; B</a>\n  </li>\n  <li></li>\n</ul>"_ba;
    QTest::newRow("text around tags: its whitespace dropped, its bytes kept")
        << "<p>\n   Hello <b>world</b>!  \n</p>"_ba
        << "<p>\n  Hello\n  <b>world</b>\n  !\n</p>"_ba;
    QTest::newRow("whitespace-only text between tags dropped")
        << "<div>\n\t\n  <span> a  b </span>\r\n</div>"_ba
        << "<div>\n  <span>a  b</span>\n</div>"_ba;
    QTest::newRow("attributes on several lines, unquoted and without values")
        << "<input\n  type=\"text\"\n  name=q value='say \"hi\"'\n  required\n  data-x = 1\n>"_ba
        << "<input type=\"text\" name=q value='say \"hi\"' required data-x=1>"_ba;
    QTest::newRow("a quoted '>' does not end a tag") << "<a title=\"a > b\" href=/x>go</a>"_ba
                                                     << "<a title=\"a > b\" href=/x>go</a>"_ba;
    QTest::newRow("script kept as sent")
        << "<body><script>\n  if (a < b && c > d) { x = \"</div>\"; }\n</script></body>"_ba
        << "<body>\n  <script>\n  if (a < b && c > d) { x = \"</div>\"; }\n</script>\n</body>"_ba;
    QTest::newRow("an escaped </script> stays in the script")
        << "<script>document.write(\"<\\/script>\")</script>"_ba
        << "<script>document.write(\"<\\/script>\")</script>"_ba;
    QTest::newRow("</script> in a string ends the script, as in browsers")
        << "<script>var s = \"</script>\";</script>"_ba
        << "<script>var s = \"</script>\n\";\n</script>"_ba;
    QTest::newRow("end tag in another case") << "<SCRIPT>x<y</Script >"_ba
                                             << "<SCRIPT>x<y</Script>"_ba;
    QTest::newRow("style kept as sent") << "<style>a > b { color: red }</style>"_ba
                                        << "<style>a > b { color: red }</style>"_ba;
    QTest::newRow("pre kept as sent, tags and all")
        << "<div><pre>  line 1\n    <b>line 2</b>\n</pre></div>"_ba
        << "<div>\n  <pre>  line 1\n    <b>line 2</b>\n</pre>\n</div>"_ba;
    QTest::newRow("textarea and title kept as sent")
        << "<title>a <b> c</title><textarea name=t>  <b>not a tag</b>\n</textarea>"_ba
        << "<title>a <b> c</title>\n<textarea name=t>  <b>not a tag</b>\n</textarea>"_ba;
    QTest::newRow("comments and doctype kept")
        << "<!doctype html><div><!-- a\n b --><p>x</p></div><?php echo 1 ?>"_ba
        << "<!doctype html>\n<div>\n  <!-- a\n b -->\n  <p>x</p>\n</div>\n<?php echo 1 ?>"_ba;
    QTest::newRow("list items closed by the next one")
        << "<ul><li>one<li>two<li><b>three</b></ul>"_ba
        << "<ul>\n  <li>one\n  <li>two\n  <li>\n    <b>three</b>\n</ul>"_ba;
    QTest::newRow("table cells and rows closed by the next one")
        << "<table><tr><th>K<th>V<tr><td>a<td>1</table>"_ba
        << "<table>\n  <tr>\n    <th>K\n    <th>V\n  <tr>\n    <td>a\n    <td>1\n</table>"_ba;
    QTest::newRow("a paragraph closed by a block") << "<p>one<div>two</div>"_ba
                                                   << "<p>one\n<div>two</div>"_ba;
    QTest::newRow("a nested list does not close its item")
        << "<ul><li>a<ul><li>b</ul></ul>"_ba
        << "<ul>\n  <li>\n    a\n    <ul>\n      <li>b\n    </ul>\n</ul>"_ba;
    QTest::newRow("mis-nested tags kept in their order") << "<b><i>x</b></i>"_ba
                                                         << "<b>\n  <i>x\n</b>\n</i>"_ba;
    QTest::newRow("a stray end tag stays where it is") << "<div></span>x</div>"_ba
                                                       << "<div>\n  </span>\n  x\n</div>"_ba;
    QTest::newRow("self-closing SVG elements")
        << "<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><g><circle r=1 /></g></svg>"_ba
        << "<svg viewBox=\"0 0 1 1\">\n  <path d=\"M0 0\"/>\n  <g>\n    <circle r=1/>\n  </g>\n</svg>"_ba;
    QTest::newRow("case kept") << "<DIV CLASS=x><P>y</DIV>"_ba
                               << "<DIV CLASS=x>\n  <P>y\n</DIV>"_ba;
    QTest::newRow("entities and UTF-8 kept") << "<p>&nbsp;&lt;Z\xc3\xbcrich&#x4e2d;</p>"_ba
                                             << "<p>&nbsp;&lt;Z\xc3\xbcrich&#x4e2d;</p>"_ba;
    QTest::newRow("the nginx error page")
        << GatewayErrorPage
        << "<html>\n  <head>\n    <title>502 Bad Gateway</title>\n  </head>\n"
           "  <body>\n    <center>\n      <h1>502 Bad Gateway</h1>\n    </center>\n"
           "    <hr>\n    <center>nginx</center>\n  </body>\n</html>"_ba;
}

void tst_HtmlFormatter::indent()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(HtmlFormatter().format(input), expected);
}

void tst_HtmlFormatter::hostile_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("a lone '<'") << "<"_ba
                                << "<"_ba;
    QTest::newRow("'<' that starts no tag") << "<p>1 <2 and a < b</p>"_ba
                                            << "<p>1 <2 and a < b</p>"_ba;
    QTest::newRow("'</' at the end") << "x </"_ba
                                     << "x\n</"_ba;
    QTest::newRow("'</>'") << "a</>b"_ba
                           << "a\n</>\nb"_ba;
    QTest::newRow("unterminated comment runs to the end") << "<div><!-- never closed <p>x</p>"_ba
                                                          << "<div>\n  <!-- never closed <p>x</p>"_ba;
    QTest::newRow("abrupt empty comment") << "<div><!--><p>x</p></div>"_ba
                                          << "<div>\n  <!-->\n  <p>x</p>\n</div>"_ba;
    QTest::newRow("a tag cut by the end is text") << "<div>a<img src=\"x"_ba
                                                  << "<div>\n  a\n  <img src=\"x"_ba;
    QTest::newRow("an end tag cut by the end is text") << "<b>x</b"_ba
                                                       << "<b>\n  x\n  </b"_ba;
    QTest::newRow("unterminated script runs to the end") << "<script>if (a) { <p>"_ba
                                                         << "<script>if (a) { <p>"_ba;
    QTest::newRow("script whose end tag is cut") << "<script>x</script"_ba
                                                 << "<script>x</script"_ba;
    QTest::newRow("unterminated doctype") << "<!DOCTYPE html"_ba
                                          << "<!DOCTYPE html"_ba;
    QTest::newRow("NUL bytes kept") << QByteArray("<p>a\0b</p>", 10) << QByteArray("<p>a\0b</p>", 10);
    QTest::newRow("not HTML at all") << "{\"a\": [1, 2]}"_ba
                                     << "{\"a\": [1, 2]}"_ba;
    QTest::newRow("only whitespace") << " \n\t "_ba << QByteArray();
    QTest::newRow("10^4 stray end tags")
        << QByteArray("</p>").repeated(10000) << QByteArray("</p>\n").repeated(9999) + "</p>";
}

void tst_HtmlFormatter::hostile()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(HtmlFormatter().format(input), expected);
}

void tst_HtmlFormatter::manyUnclosedDivs()
{
    const int count = 100000;
    const QByteArray output = HtmlFormatter().format(QByteArray("<div>").repeated(count) + "x");
    const RawLines lines(output);
    QCOMPARE(lines.lineCount(), count); // the last <div> and its text on one line
    QCOMPARE(lines.lineBytes(3), QByteArray(QByteArray(6, ' ') + "<div>"));
    // The indentation stops growing: the output is linear in the input.
    QCOMPARE(lines.lineBytes(count - 2),
             QByteArray(QByteArray(HtmlFormatter::MaxIndentDepth * 2, ' ') + "<div>"));
    QCOMPARE(lines.lineBytes(count - 1),
             QByteArray(QByteArray(HtmlFormatter::MaxIndentDepth * 2, ' ') + "<div>x"));
    QVERIFY(output.size() < qsizetype(count) * (HtmlFormatter::MaxIndentDepth * 2 + 7));

    // And closing them all at once: one end tag, no quadratic search.
    const QByteArray closed = HtmlFormatter().format("<body>" + QByteArray("<div><span>").repeated(count)
                                                     + "</body><p>after</p>");
    QVERIFY(closed.endsWith("\n</body>\n<p>after</p>"));
}

void tst_HtmlFormatter::tenMegabytesOfText()
{
    QByteArray text(10 * 1024 * 1024, 'x');
    for (qsizetype i = 80; i < text.size(); i += 81)
        text[i] = ' ';
    const QByteArray output = HtmlFormatter().format("<html><body><p>" + text + "</p></body></html>");
    QCOMPARE(output, "<html>\n  <body>\n    <p>" + text + "</p>\n  </body>\n</html>");
}

void tst_HtmlFormatter::sameTextAndElementsForLibxml2_data()
{
    QTest::addColumn<QByteArray>("input");

    QTest::newRow("nginx error page") << GatewayErrorPage;
    QTest::newRow("login page") << LoginPage;
    QTest::newRow("lists and tables with closings left out")
        << "<html><body><ul><li>one<li>two</ul><dl><dt>k<dd>v</dl><table><tr><td>1<td>2</table></body></html>"_ba;
}

void tst_HtmlFormatter::sameTextAndElementsForLibxml2()
{
    // libxml2's HTML parser, which nobody here wrote, finds the same elements and, whitespace aside,
    // the same text in the input and in our output.
    const QString xmllint = QStandardPaths::findExecutable(u"xmllint"_s);
    if (xmllint.isEmpty())
        QSKIP("xmllint is not installed (libxml2-utils, listed in packaging/debian-packages.txt): no oracle");
    QFETCH(QByteArray, input);
    const QByteArray output = HtmlFormatter().format(input);
    QVERIFY(output != input);
    for (const QString &query : { u"count(//*)"_s, u"string(/)"_s }) {
        const QStringList arguments = { u"--html"_s, u"--xpath"_s, query, u"-"_s };
        const QByteArray fromInput = withoutWhitespace(run(xmllint, arguments, input));
        QVERIFY(!fromInput.isEmpty());
        QCOMPARE(withoutWhitespace(run(xmllint, arguments, output)), fromInput);
    }
}

void tst_HtmlFormatter::formattingTwiceChangesNothing()
{
    for (const QByteArray &input : { GatewayErrorPage, LoginPage }) {
        const QByteArray once = HtmlFormatter().format(input);
        QCOMPARE(HtmlFormatter().format(once), once);
    }
}

void tst_HtmlFormatter::cancel()
{
    std::atomic_bool cancel = true;
    const QByteArray page
        = "<html><body>" + QByteArray("<div><p>x</p></div>").repeated(10000) + "</body></html>";
    QVERIFY(HtmlFormatter().format(page, &cancel).isEmpty());
    cancel = false;
    QVERIFY(!HtmlFormatter().format(page, &cancel).isEmpty());
}

QTEST_GUILESS_MAIN(tst_HtmlFormatter)
#include "tst_htmlformatter.moc"
