#include "ui/request/scriptseditor.h"

#include "scripting/scriptevents.h"
#include "ui/widgets/codeeditor.h"
#include "ui/widgets/formrow.h"
#include "ui/widgets/javascripthighlighter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

struct Snippet
{
    const char *name; // translated where shown
    QString code;
};

const QList<Snippet> &snippets()
{
    static const QList<Snippet> list {
        { QT_TRANSLATE_NOOP("Postern::ScriptsEditor", "Status code is 200"),
          u"pm.test(\"Status code is 200\", function () {\n    pm.response.to.have.status(200);\n});\n"_s },
        { QT_TRANSLATE_NOOP("Postern::ScriptsEditor", "Response time is below 500 ms"),
          u"pm.test(\"Response time is below 500 ms\", function () {\n"
          "    pm.expect(pm.response.responseTime).to.be.below(500);\n});\n"_s },
        { QT_TRANSLATE_NOOP("Postern::ScriptsEditor", "Body contains a string"),
          u"pm.test(\"Body contains a string\", function () {\n"
          "    pm.expect(pm.response.text()).to.include(\"string_you_want_to_search\");\n});\n"_s },
        { QT_TRANSLATE_NOOP("Postern::ScriptsEditor", "A JSON value equals"),
          u"pm.test(\"A JSON value\", function () {\n    const json = pm.response.json();\n"
          "    pm.expect(json.result[0].number).to.eql(\"INC0010001\");\n});\n"_s },
        { QT_TRANSLATE_NOOP("Postern::ScriptsEditor", "A header is present"),
          u"pm.test(\"Content-Type is present\", function () {\n"
          "    pm.response.to.have.header(\"Content-Type\");\n});\n"_s },
        { QT_TRANSLATE_NOOP("Postern::ScriptsEditor", "Save a JSON field to an environment variable"),
          u"pm.environment.set(\"token\", pm.response.json().access_token);\n"_s },
        { QT_TRANSLATE_NOOP("Postern::ScriptsEditor", "Set a collection variable"),
          u"pm.collectionVariables.set(\"name\", \"value\");\n"_s },
        { QT_TRANSLATE_NOOP("Postern::ScriptsEditor", "Get a variable"),
          u"const value = pm.variables.get(\"name\");\n"_s },
        { QT_TRANSLATE_NOOP("Postern::ScriptsEditor", "Send a request"),
          u"pm.sendRequest(pm.variables.replaceIn(\"{{baseUrl}}/api/now/table/incident?sysparm_limit=1\"),"
          " function (err, res) {\n    console.log(err ? err : res.json());\n});\n"_s },
        { QT_TRANSLATE_NOOP("Postern::ScriptsEditor", "Log to the console"),
          u"console.log(pm.response.json());\n"_s },
    };
    return list;
}

CodeEditor *scriptEditor(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *editor = new CodeEditor(parent);
    editor->setObjectName(objectName);
    editor->setAccessibleName(accessibleName);
    new JavaScriptHighlighter(editor->document());
    return editor;
}

} // namespace

ScriptsEditor::ScriptsEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"scriptsEditor"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(u"scriptPages"_s);
    m_pages->setAccessibleName(tr("Scripts"));
    m_pages->setTabPosition(QTabWidget::West);
    m_preRequest = scriptEditor(u"preRequestScript"_s, tr("Pre-request script"), m_pages);
    m_preRequest->setPlaceholderText(tr("Runs before the request is sent: pm.variables.set(\"id\", 1);"));
    m_postResponse = scriptEditor(u"postResponseScript"_s, tr("Post-response script"), m_pages);
    m_postResponse->setPlaceholderText(
        tr("Runs after the answer: pm.test(\"Status code is 200\", () => pm.response.to.have.status(200));"));
    m_pages->addTab(m_preRequest, tr("Pre-request"));
    m_pages->addTab(m_postResponse, tr("Post-response"));
    layout->addWidget(m_pages, 3);

    auto *side = new QVBoxLayout;
    m_snippets = new QListWidget(this);
    m_snippets->setObjectName(u"scriptSnippets"_s);
    for (const Snippet &snippet : snippets())
        m_snippets->addItem(tr(snippet.name));
    m_snippets->setCurrentRow(0);
    side->addWidget(captionFor(tr("Snippets (Enter inserts):"), m_snippets, tr("Snippets")));
    side->addWidget(m_snippets, 1);
    layout->addLayout(side, 1);

    m_pages->setCurrentWidget(m_postResponse);
    connect(m_snippets, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { insertSnippet(m_snippets->row(item)); });
    for (CodeEditor *editor : { m_preRequest, m_postResponse }) {
        connect(editor, &QPlainTextEdit::textChanged, this, [this] {
            if (!m_loading)
                Q_EMIT changed();
        });
    }
}

void ScriptsEditor::setScripts(const QJsonArray &events)
{
    m_loading = true;
    m_events = events;
    m_preRequest->setPlainText(ScriptEvents::text(events, ScriptEvent::PreRequest));
    m_postResponse->setPlainText(ScriptEvents::text(events, ScriptEvent::Test));
    m_loading = false;
}

QJsonArray ScriptsEditor::scripts() const
{
    QJsonArray events
        = ScriptEvents::withText(m_events, ScriptEvent::PreRequest, m_preRequest->toPlainText());
    return ScriptEvents::withText(events, ScriptEvent::Test, m_postResponse->toPlainText());
}

QJsonArray ScriptsEditor::normalized(const QJsonArray &events)
{
    const QJsonArray withPreRequest = ScriptEvents::withText(
        events, ScriptEvent::PreRequest, ScriptEvents::text(events, ScriptEvent::PreRequest));
    return ScriptEvents::withText(withPreRequest, ScriptEvent::Test,
                                  ScriptEvents::text(events, ScriptEvent::Test));
}

void ScriptsEditor::insertSnippet(int row)
{
    if (row < 0 || row >= snippets().size())
        return;
    auto *editor = static_cast<CodeEditor *>(m_pages->currentWidget());
    QTextCursor cursor = editor->textCursor();
    if (cursor.positionInBlock() > 0)
        cursor.insertText(u"\n"_s);
    cursor.insertText(snippets().at(row).code);
    editor->setTextCursor(cursor);
    editor->setFocus();
}

} // namespace Postern
