#include "ui/request/bodyeditor.h"
#include "ui/request/formpartseditor.h"
#include "ui/widgets/keyvalueeditor.h"

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::HttpRequest)

namespace {

// Only the body fields, for comparing.
struct BodyFields
{
    explicit BodyFields(const HttpRequest &r)
        : mode(bodyModeKey(r.bodyMode))
        , body(r.body)
        , contentType(r.bodyContentType)
        , fields(r.formFields)
        , parts(r.formParts)
        , file(r.bodyFile)
        , query(r.graphqlQuery)
        , variables(r.graphqlVariables)
    {
    }
    QString mode;
    QByteArray body;
    QString contentType;
    KeyValueList fields;
    QList<FormPart> parts;
    QString file;
    QString query;
    QString variables;
};

void compareBodies(const HttpRequest &actual, const HttpRequest &expected)
{
    const BodyFields a(actual);
    const BodyFields e(expected);
    QCOMPARE(a.mode, e.mode);
    QCOMPARE(a.body, e.body);
    QCOMPARE(a.contentType, e.contentType);
    QCOMPARE(a.fields, e.fields);
    QCOMPARE(a.parts, e.parts);
    QCOMPARE(a.file, e.file);
    QCOMPARE(a.query, e.query);
    QCOMPARE(a.variables, e.variables);
}

HttpRequest withMode(BodyMode mode)
{
    HttpRequest request;
    request.method = u"POST"_s;
    request.bodyMode = mode;
    return request;
}

} // namespace

class tst_BodyEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void roundTrip_data();
    void roundTrip();
    void otherFieldsLeftAlone();
    void choosingATypeChangesTheMode_data();
    void choosingATypeChangesTheMode();
    void changedOnEveryEdit();
    void filesAreChosen();
    void methodWithoutBody();
    void graphqlVariablesChecked();
    void rawEditorAsBefore();
    void fileClearButtonIsNamed();
    void everyControlNamedAndReachable_data();
    void everyControlNamedAndReachable();

private:
    template<typename T> T *find(const char *name) const
    {
        T *widget = m_editor->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning() << "no widget" << name;
        return widget;
    }
    void choose(const QString &text);

    std::unique_ptr<BodyEditor> m_editor;
};

void tst_BodyEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_BodyEditor::init()
{
    m_editor = std::make_unique<BodyEditor>();
    m_editor->setFileChooser([](QWidget *, const QString &, const QString &) { return QString(); });
}

void tst_BodyEditor::cleanup()
{
    m_editor.reset();
}

void tst_BodyEditor::choose(const QString &text)
{
    auto *type = find<QComboBox>("bodyType");
    const int index = type->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    type->setCurrentIndex(index);
}

void tst_BodyEditor::roundTrip_data()
{
    QTest::addColumn<HttpRequest>("request");
    QTest::addColumn<QString>("shown"); // the body type the list shows

    QTest::newRow("none") << withMode(BodyMode::Raw) << u"None"_s;
    HttpRequest raw = withMode(BodyMode::Raw);
    raw.body = "{\n  \"a\": \"caf\xc3\xa9\"\n}";
    raw.bodyContentType = u"application/json"_s;
    QTest::newRow("raw JSON") << raw << u"JSON"_s;
    raw.bodyContentType = u"text/html"_s;
    QTest::newRow("raw HTML") << raw << u"HTML"_s;
    raw.bodyContentType = u"application/javascript"_s;
    QTest::newRow("raw JavaScript") << raw << u"JavaScript"_s;
    raw.bodyContentType = u"text/csv"_s;
    QTest::newRow("raw with a type the list lacks") << raw << u"Raw (text/csv)"_s;
    raw.bodyContentType.clear();
    QTest::newRow("raw without a type") << raw << u"Raw (no Content-Type)"_s;
    raw.body.clear();
    raw.bodyContentType = u"application/xml"_s;
    QTest::newRow("raw XML, empty") << raw << u"XML"_s;

    HttpRequest form = withMode(BodyMode::UrlEncoded);
    form.formFields
        = { { u"grant_type"_s, u"password"_s, true, {} }, { u"off"_s, u"1"_s, false, u"kept off"_s } };
    form.body = "kept raw text";
    form.bodyContentType = u"text/plain"_s;
    QTest::newRow("x-www-form-urlencoded, raw text kept") << form << u"x-www-form-urlencoded"_s;
    form.bodyContentType = u"text/csv"_s;
    QTest::newRow("x-www-form-urlencoded, unusual raw type kept") << form << u"x-www-form-urlencoded"_s;

    HttpRequest parts = withMode(BodyMode::FormData);
    parts.formParts = { { u"name"_s, u"Ada"_s, false, QString(), true, QString() },
                        { u"photo"_s, u"/tmp/me.jpg"_s, true, u"image/jpeg"_s, true, u"profile"_s },
                        { u"off"_s, u"/tmp/x"_s, true, QString(), false, QString() } };
    parts.formFields = { { u"kept"_s, u"too"_s, true, {} } };
    QTest::newRow("form-data") << parts << u"form-data"_s;

    HttpRequest binary = withMode(BodyMode::Binary);
    binary.bodyFile = u"/tmp/data.bin"_s;
    binary.bodyContentType = u"application/octet-stream"_s;
    QTest::newRow("binary") << binary << u"binary"_s;
    binary.bodyContentType.clear();
    QTest::newRow("binary, type guessed") << binary << u"binary"_s;

    HttpRequest graphql = withMode(BodyMode::GraphQL);
    graphql.graphqlQuery = u"query {\n  me { id }\n}"_s;
    graphql.graphqlVariables = u"{\"a\": 1}"_s;
    QTest::newRow("GraphQL") << graphql << u"GraphQL"_s;
}

void tst_BodyEditor::roundTrip()
{
    QFETCH(HttpRequest, request);
    QFETCH(QString, shown);
    QSignalSpy changed(m_editor.get(), &BodyEditor::changed);
    m_editor->setRequestBody(request);
    QCOMPARE(changed.count(), 0); // setting is not editing
    QCOMPARE(find<QComboBox>("bodyType")->currentText(), shown);
    HttpRequest back;
    m_editor->applyTo(&back);
    compareBodies(back, request);

    // Setting another request replaces everything, the list's extra entry too.
    m_editor->setRequestBody(withMode(BodyMode::Raw));
    QCOMPARE(find<QComboBox>("bodyType")->findText(u"Raw ("_s, Qt::MatchStartsWith), -1);
    m_editor->setRequestBody(request);
    HttpRequest again;
    m_editor->applyTo(&again);
    compareBodies(again, request);
}

void tst_BodyEditor::otherFieldsLeftAlone()
{
    HttpRequest request = withMode(BodyMode::GraphQL);
    request.graphqlQuery = u"{ a }"_s;
    m_editor->setRequestBody(request);

    HttpRequest target;
    target.method = u"PATCH"_s;
    target.url = u"https://x.example/graphql"_s;
    target.headers = { { u"X-A"_s, u"1"_s, true, {} } };
    target.auth.type = AuthType::Bearer;
    target.auth.token = u"tok"_s;
    target.timeoutMs = 1234;
    target.verifyTls = false;
    target.followRedirects = false;
    const HttpRequest before = target;
    m_editor->applyTo(&target);
    QCOMPARE(target.method, before.method);
    QCOMPARE(target.url, before.url);
    QCOMPARE(target.headers, before.headers);
    QCOMPARE(target.auth.token, before.auth.token);
    QCOMPARE(target.timeoutMs, before.timeoutMs);
    QCOMPARE(target.verifyTls, before.verifyTls);
    QCOMPARE(target.followRedirects, before.followRedirects);
    QCOMPARE(target.graphqlQuery, u"{ a }"_s);
}

void tst_BodyEditor::choosingATypeChangesTheMode_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("None drops the raw text") << u"None"_s << u"raw"_s << QString() << QByteArray();
    QTest::newRow("Text") << u"Text"_s << u"raw"_s << u"text/plain"_s << "typed"_ba;
    QTest::newRow("XML") << u"XML"_s << u"raw"_s << u"application/xml"_s << "typed"_ba;
    QTest::newRow("x-www-form-urlencoded keeps the raw type")
        << u"x-www-form-urlencoded"_s << u"urlencoded"_s << u"application/json"_s << "typed"_ba;
    QTest::newRow("form-data") << u"form-data"_s << u"formdata"_s << u"application/json"_s << "typed"_ba;
    QTest::newRow("binary") << u"binary"_s << u"file"_s << QString() << "typed"_ba;
    QTest::newRow("GraphQL") << u"GraphQL"_s << u"graphql"_s << u"application/json"_s << "typed"_ba;
}

void tst_BodyEditor::choosingATypeChangesTheMode()
{
    QFETCH(QString, type);
    QFETCH(QString, mode);
    QFETCH(QString, contentType);
    QFETCH(QByteArray, body);
    choose(u"JSON"_s);
    find<QPlainTextEdit>("bodyEdit")->setPlainText(u"typed"_s);
    choose(type);
    HttpRequest request;
    m_editor->applyTo(&request);
    QCOMPARE(bodyModeKey(request.bodyMode), mode);
    QCOMPARE(request.bodyContentType, contentType);
    QCOMPARE(request.body, body);
}

void tst_BodyEditor::changedOnEveryEdit()
{
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    QSignalSpy changed(m_editor.get(), &BodyEditor::changed);
    // Whether changed() came since the last look.
    qsizetype seen = 0;
    const auto bumped = [&] {
        const bool more = changed.count() > seen;
        seen = changed.count();
        return more;
    };

    choose(u"Text"_s);
    QVERIFY(bumped());
    QTest::keyClicks(find<QPlainTextEdit>("bodyEdit"), u"hi"_s);
    QVERIFY(bumped());

    choose(u"x-www-form-urlencoded"_s);
    QVERIFY(bumped());
    KeyValueModel *fields = find<KeyValueEditor>("formFieldsTable")->keyValueModel();
    QVERIFY(fields->setData(fields->index(0, KeyValueModel::KeyColumn), u"a"_s, Qt::EditRole));
    QVERIFY(bumped());

    choose(u"form-data"_s);
    QVERIFY(bumped());
    FormPartsModel *parts = find<FormPartsEditor>("formPartsTable")->formPartsModel();
    QVERIFY(parts->setData(parts->index(0, FormPartsModel::KeyColumn), u"p"_s, Qt::EditRole));
    QVERIFY(bumped());
    QVERIFY(parts->setData(parts->index(0, FormPartsModel::FileColumn), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(bumped());
    QVERIFY(parts->parts().constFirst().isFile);

    choose(u"binary"_s);
    QVERIFY(bumped());
    QTest::keyClicks(find<QLineEdit>("bodyFileEdit"), u"/tmp/x"_s);
    QVERIFY(bumped());
    QTest::keyClicks(find<QLineEdit>("bodyFileContentType"), u"a/b"_s);
    QVERIFY(bumped());

    choose(u"GraphQL"_s);
    QVERIFY(bumped());
    QTest::keyClicks(find<QPlainTextEdit>("graphqlQueryEdit"), u"{ a }"_s);
    QVERIFY(bumped());
    QTest::keyClicks(find<QPlainTextEdit>("graphqlVariablesEdit"), u"{}"_s);
    QVERIFY(bumped());

    HttpRequest request;
    m_editor->applyTo(&request);
    QCOMPARE(request.bodyMode, BodyMode::GraphQL);
    QCOMPARE(request.body, "hi"_ba);
    QCOMPARE(request.formFields.size(), 1);
    QCOMPARE(request.formParts.size(), 1);
    QCOMPARE(request.bodyFile, u"/tmp/x"_s);
    QCOMPARE(request.graphqlQuery, u"{ a }"_s);
    QCOMPARE(request.graphqlVariables, u"{}"_s);
}

void tst_BodyEditor::filesAreChosen()
{
    QStringList offered = { u"/data/report.pdf"_s, u"/data/photo.png"_s, QString() };
    m_editor->setFileChooser(
        [&offered](QWidget *, const QString &, const QString &) { return offered.takeFirst(); });
    QSignalSpy changed(m_editor.get(), &BodyEditor::changed);

    choose(u"binary"_s);
    changed.clear();
    find<QPushButton>("bodyFileBrowse")->click();
    QCOMPARE(find<QLineEdit>("bodyFileEdit")->text(), u"/data/report.pdf"_s);
    QCOMPARE(changed.count(), 1);

    // Choose File on the empty last row adds a file part named after the file.
    choose(u"form-data"_s);
    changed.clear();
    find<QPushButton>("formPartFileButton")->click();
    QVERIFY(changed.count() >= 1);
    HttpRequest request;
    m_editor->applyTo(&request);
    QCOMPARE(request.formParts.size(), 1);
    QCOMPARE(request.formParts.constFirst().key, u"photo"_s);
    QCOMPARE(request.formParts.constFirst().value, u"/data/photo.png"_s);
    QVERIFY(request.formParts.constFirst().isFile);

    // Canceling the dialog changes nothing.
    changed.clear();
    find<QPushButton>("formPartFileButton")->click();
    QCOMPARE(changed.count(), 0);
    m_editor->applyTo(&request);
    QCOMPARE(request.formParts.size(), 1);
}

void tst_BodyEditor::methodWithoutBody()
{
    auto *note = find<QLabel>("bodyNote");
    QVERIFY(note->isHidden());
    m_editor->setMethodCarriesBody(false, u"get"_s);
    QVERIFY(!note->isHidden());
    QCOMPARE(note->text(), u"A GET request is sent without a body."_s);
    QVERIFY(!find<QComboBox>("bodyType")->isEnabled());
    QVERIFY(!find<QPlainTextEdit>("bodyEdit")->isEnabled());
    QVERIFY(!find<QPushButton>("bodyFileBrowse")->isEnabled());
    m_editor->setMethodCarriesBody(true, u"POST"_s);
    QVERIFY(note->isHidden());
    QVERIFY(find<QComboBox>("bodyType")->isEnabled());
    QVERIFY(find<QPlainTextEdit>("bodyEdit")->isEnabled());
}

void tst_BodyEditor::graphqlVariablesChecked()
{
    HttpRequest request = withMode(BodyMode::GraphQL);
    request.graphqlVariables = u"{\"a\": "_s;
    m_editor->setRequestBody(request);
    auto *note = find<QLabel>("graphqlVariablesNote");
    QVERIFY(!note->isHidden());
    QVERIFY2(note->text().contains(u"not valid JSON"_s), qPrintable(note->text()));
    find<QPlainTextEdit>("graphqlVariablesEdit")->setPlainText(u"{\"a\": 1}"_s);
    QVERIFY(note->isHidden());
}

void tst_BodyEditor::rawEditorAsBefore()
{
    auto *raw = find<QPlainTextEdit>("bodyEdit");
    QVERIFY(raw);
    QCOMPARE(raw->accessibleName(), u"Request body"_s);
    QVERIFY(raw->tabChangesFocus());
    // The desktop's fixed-width font: whether fontconfig tags it as monospaced depends on the fonts
    // installed (Noto Sans Mono is not tagged), so the family is compared, not QFontInfo::fixedPitch().
    QCOMPARE(raw->font().family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
    QCOMPARE(find<QComboBox>("bodyType")->accessibleName(), u"Body type"_s);
}

void tst_BodyEditor::fileClearButtonIsNamed()
{
    // QLineEdit's clear button comes without a name: a screen reader would say only "button".
    auto *file = find<QLineEdit>("bodyFileEdit");
    QVERIFY(file);
    const QList<QToolButton *> buttons = file->findChildren<QToolButton *>();
    QVERIFY(!buttons.isEmpty());
    for (QToolButton *button : buttons)
        QCOMPARE(QAccessible::queryAccessibleInterface(button)->text(QAccessible::Name), u"Clear the file"_s);
}

void tst_BodyEditor::everyControlNamedAndReachable_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("controls"); // reached with Tab from the body type list, in order

    QTest::newRow("raw") << u"JSON"_s << QStringList { u"bodyEdit"_s };
    QTest::newRow("x-www-form-urlencoded")
        << u"x-www-form-urlencoded"_s << QStringList { u"formFieldsTable"_s };
    QTest::newRow("form-data") << u"form-data"_s
                               << QStringList { u"formPartsTable"_s, u"formPartFileButton"_s };
    QTest::newRow("binary") << u"binary"_s
                            << QStringList { u"bodyFileEdit"_s, u"bodyFileBrowse"_s,
                                             u"bodyFileContentType"_s };
    QTest::newRow("GraphQL") << u"GraphQL"_s
                             << QStringList { u"graphqlQueryEdit"_s, u"graphqlVariablesEdit"_s };
}

void tst_BodyEditor::everyControlNamedAndReachable()
{
    QFETCH(QString, type);
    QFETCH(QStringList, controls);

    // What a screen reader reads: the accessible name of every control that can take focus, on every page.
    QStringList unnamed;
    const QList<QWidget *> widgets = m_editor->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (widget->focusPolicy() == Qt::NoFocus || widget->inherits("QScrollBar")
            || widget->inherits("QComboBoxListView"))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(iface);
        if (iface->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << (QString::fromLatin1(widget->metaObject()->className()) + u" "_s
                        + widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));

    // The keyboard reaches the page's controls from the list, in order.
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    choose(type);
    auto *list = find<QComboBox>("bodyType");
    list->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), list);
    QStringList reached;
    for (int i = 0; i < controls.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        reached << QApplication::focusWidget()->objectName();
    }
    QCOMPARE(reached, controls);
}

QTEST_MAIN(tst_BodyEditor)
#include "tst_bodyeditor.moc"
