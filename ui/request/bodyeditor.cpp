#include "ui/request/bodyeditor.h"

#include "http/requestbody.h"
#include "ui/request/formpartseditor.h"
#include "ui/widgets/clearbutton.h"
#include "ui/widgets/formrow.h"
#include "ui/widgets/keyvalueeditor.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

constexpr int ChoiceRole = Qt::UserRole;
constexpr int ContentTypeRole = Qt::UserRole + 1;

struct RawType
{
    const char *label;
    const char16_t *contentType;
};

constexpr RawType rawTypes[] = {
    { QT_TRANSLATE_NOOP("Postern::BodyEditor", "JSON"), u"application/json" },
    { QT_TRANSLATE_NOOP("Postern::BodyEditor", "Text"), u"text/plain" },
    { QT_TRANSLATE_NOOP("Postern::BodyEditor", "XML"), u"application/xml" },
    { QT_TRANSLATE_NOOP("Postern::BodyEditor", "HTML"), u"text/html" },
    { QT_TRANSLATE_NOOP("Postern::BodyEditor", "JavaScript"), u"application/javascript" },
};

QPlainTextEdit *codeEdit(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setTabChangesFocus(true);
    return edit;
}

} // namespace

BodyEditor::BodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_chooser([](QWidget *dialogParent, const QString &title, const QString &directory) {
        return QFileDialog::getOpenFileName(dialogParent, title, directory);
    })
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_type = new QComboBox(this);
    m_type->setObjectName(u"bodyType"_s);
    const auto addChoice
        = [this](const QString &label, Choice choice, const QString &contentType = QString()) {
              m_type->addItem(label);
              m_type->setItemData(m_type->count() - 1, int(choice), ChoiceRole);
              m_type->setItemData(m_type->count() - 1, contentType, ContentTypeRole);
          };
    addChoice(tr("None"), Choice::None);
    for (const RawType &type : rawTypes)
        addChoice(tr(type.label), Choice::Raw, QString::fromUtf16(type.contentType));
    addChoice(u"x-www-form-urlencoded"_s, Choice::UrlEncoded);
    addChoice(u"form-data"_s, Choice::FormData);
    addChoice(tr("binary"), Choice::Binary);
    addChoice(u"GraphQL"_s, Choice::GraphQL);
    addLabelledRow(form, tr("Body &type:"), m_type);
    layout->addLayout(form);

    m_note = new QLabel(this);
    m_note->setObjectName(u"bodyNote"_s);
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(u"bodyPages"_s);
    auto *none = new QLabel(tr("This request has no body."), m_pages);
    none->setObjectName(u"bodyNone"_s);
    none->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_pages->addWidget(none);
    m_pages->addWidget(makeRawPage());
    m_fields = new KeyValueEditor(tr("Form fields"), m_pages);
    m_fields->setObjectName(u"formFieldsTable"_s);
    m_pages->addWidget(m_fields);
    m_pages->addWidget(makeFormDataPage());
    m_pages->addWidget(makeBinaryPage());
    m_pages->addWidget(makeGraphqlPage());
    layout->addWidget(m_pages, 1);
    m_filesNote = new QLabel(this);
    m_filesNote->setObjectName(u"bodyFilesNote"_s);
    m_filesNote->setWordWrap(true);
    m_filesNote->hide();
    layout->addWidget(m_filesNote);

    connect(m_type, &QComboBox::currentIndexChanged, this, &BodyEditor::onTypeChosen);
    connect(m_raw, &QPlainTextEdit::textChanged, this, &BodyEditor::onEdited);
    connect(m_fields->keyValueModel(), &KeyValueModel::rowsEdited, this, &BodyEditor::onEdited);
    connect(m_parts->formPartsModel(), &FormPartsModel::partsEdited, this, &BodyEditor::onEdited);
    connect(m_file, &QLineEdit::textEdited, this, &BodyEditor::onEdited);
    connect(m_fileType, &QLineEdit::textEdited, this, &BodyEditor::onEdited);
    connect(m_query, &QPlainTextEdit::textChanged, this, &BodyEditor::onEdited);
    connect(m_variables, &QPlainTextEdit::textChanged, this, &BodyEditor::onEdited);
    connect(m_variables, &QPlainTextEdit::textChanged, this, &BodyEditor::updateVariablesNote);
    onTypeChosen();
}

QWidget *BodyEditor::makeRawPage()
{
    m_raw = codeEdit(u"bodyEdit"_s, tr("Request body"), m_pages);
    return m_raw;
}

QWidget *BodyEditor::makeFormDataPage()
{
    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_parts = new FormPartsEditor(tr("Form-data parts"), page);
    m_parts->setObjectName(u"formPartsTable"_s);
    layout->addWidget(m_parts, 1);
    auto *buttons = new QHBoxLayout;
    m_partFile = new QPushButton(tr("Choose &File…"), page);
    m_partFile->setObjectName(u"formPartFileButton"_s);
    m_partFile->setAccessibleName(tr("Choose a file for the current part"));
    m_partFile->setToolTip(tr("Send a file as the current part (or as a new one from the last row)"));
    buttons->addWidget(m_partFile);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_partFile, &QPushButton::clicked, this, &BodyEditor::choosePartFile);
    return page;
}

QWidget *BodyEditor::makeBinaryPage()
{
    auto *page = new QWidget(m_pages);
    auto *form = new QFormLayout(page);
    auto *fileRow = new QHBoxLayout;
    m_file = new QLineEdit(page);
    m_file->setObjectName(u"bodyFileEdit"_s);
    m_file->setPlaceholderText(tr("The file whose bytes are the body"));
    m_file->setClearButtonEnabled(true);
    nameClearButton(m_file, tr("Clear the file"));
    m_browse = new QPushButton(tr("&Browse…"), page);
    m_browse->setObjectName(u"bodyFileBrowse"_s);
    m_browse->setAccessibleName(tr("Choose the file to send"));
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    addLabelledRow(form, tr("&File:"), m_file, fileRow, tr("File to send"));
    m_fileType = new QLineEdit(page);
    m_fileType->setObjectName(u"bodyFileContentType"_s);
    m_fileType->setPlaceholderText(tr("Guessed from the file name"));
    addLabelledRow(form, tr("&Content type:"), m_fileType, tr("Content type of the file"));
    connect(m_browse, &QPushButton::clicked, this, &BodyEditor::chooseBodyFile);
    return page;
}

QWidget *BodyEditor::makeGraphqlPage()
{
    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_query = codeEdit(u"graphqlQueryEdit"_s, tr("GraphQL query"), page);
    m_variables = codeEdit(u"graphqlVariablesEdit"_s, tr("GraphQL variables"), page);
    m_variables->setPlaceholderText(u"{\"id\": 1}"_s);
    // Named for what they are ("GraphQL query"), captioned for where they are.
    QLabel *queryLabel = captionFor(tr("&Query:"), m_query, m_query->accessibleName());
    QLabel *variablesLabel = captionFor(tr("&Variables (JSON):"), m_variables, m_variables->accessibleName());
    m_variablesNote = new QLabel(page);
    m_variablesNote->setObjectName(u"graphqlVariablesNote"_s);
    m_variablesNote->setWordWrap(true);
    m_variablesNote->hide();
    // Side by side, as in Postman: the query on the left, its variables on the right.
    auto *columns = new QHBoxLayout;
    auto *queryColumn = new QVBoxLayout;
    queryColumn->addWidget(queryLabel);
    queryColumn->addWidget(m_query, 1);
    auto *variablesColumn = new QVBoxLayout;
    variablesColumn->addWidget(variablesLabel);
    variablesColumn->addWidget(m_variables, 1);
    columns->addLayout(queryColumn, 3);
    columns->addLayout(variablesColumn, 2);
    layout->addLayout(columns, 1);
    layout->addWidget(m_variablesNote);
    return page;
}

void BodyEditor::setFileChooser(FileChooser chooser)
{
    m_chooser = std::move(chooser);
}

BodyEditor::Choice BodyEditor::currentChoice() const
{
    return Choice(m_type->currentData(ChoiceRole).toInt());
}

void BodyEditor::setCustomRawType(const QString &type)
{
    const int customIndex = 1 + int(std::size(rawTypes));
    const bool hasCustom = m_type->itemData(customIndex, ChoiceRole).toInt() == int(Choice::Raw);
    if (hasCustom)
        m_type->removeItem(customIndex);
    if (type.isNull())
        return;
    m_type->insertItem(customIndex, type.isEmpty() ? tr("Raw (no Content-Type)") : tr("Raw (%1)").arg(type));
    m_type->setItemData(customIndex, int(Choice::Raw), ChoiceRole);
    m_type->setItemData(customIndex, type, ContentTypeRole);
}

void BodyEditor::selectChoice(Choice choice, const QString &rawType)
{
    for (int i = 0; i < m_type->count(); ++i) {
        if (m_type->itemData(i, ChoiceRole).toInt() == int(choice)
            && (choice != Choice::Raw || m_type->itemData(i, ContentTypeRole).toString() == rawType)) {
            m_type->setCurrentIndex(i);
            return;
        }
    }
}

void BodyEditor::setRequestBody(const HttpRequest &request)
{
    m_syncing = true;
    const bool binary = request.bodyMode == BodyMode::Binary;
    m_rawType = binary ? QString() : request.bodyContentType;
    bool known = m_rawType.isEmpty();
    for (const RawType &type : rawTypes)
        known = known || m_rawType == QString::fromUtf16(type.contentType);
    const bool rawWithoutType
        = request.bodyMode == BodyMode::Raw && m_rawType.isEmpty() && !request.body.isEmpty();
    // A type the list lacks keeps an entry of its own: choosing another and back must not change it.
    setCustomRawType(!known ? m_rawType : rawWithoutType ? u""_s : QString());

    m_raw->setPlainText(QString::fromUtf8(request.body));
    m_fields->keyValueModel()->setRows(request.formFields);
    m_parts->formPartsModel()->setParts(request.formParts);
    m_file->setText(request.bodyFile);
    m_fileType->setText(binary ? request.bodyContentType : QString());
    m_query->setPlainText(request.graphqlQuery);
    m_variables->setPlainText(request.graphqlVariables);
    switch (request.bodyMode) {
    case BodyMode::Raw:
        if (request.body.isEmpty() && request.bodyContentType.isEmpty())
            selectChoice(Choice::None, QString());
        else
            selectChoice(Choice::Raw, m_rawType);
        break;
    case BodyMode::UrlEncoded:
        selectChoice(Choice::UrlEncoded, QString());
        break;
    case BodyMode::FormData:
        selectChoice(Choice::FormData, QString());
        break;
    case BodyMode::Binary:
        selectChoice(Choice::Binary, QString());
        break;
    case BodyMode::GraphQL:
        selectChoice(Choice::GraphQL, QString());
        break;
    }
    m_pages->setCurrentIndex(int(currentChoice()));
    updateVariablesNote();
    m_syncing = false;
}

void BodyEditor::applyTo(HttpRequest *request) const
{
    const Choice choice = currentChoice();
    request->body = choice == Choice::None ? QByteArray() : m_raw->toPlainText().toUtf8();
    request->formFields = m_fields->keyValueModel()->rows();
    request->formParts = m_parts->formPartsModel()->parts();
    request->bodyFile = m_file->text();
    request->files = m_files;
    request->graphqlQuery = m_query->toPlainText();
    request->graphqlVariables = m_variables->toPlainText();
    switch (choice) {
    case Choice::None:
        request->bodyMode = BodyMode::Raw;
        request->bodyContentType.clear();
        break;
    case Choice::Raw:
        request->bodyMode = BodyMode::Raw;
        request->bodyContentType = m_type->currentData(ContentTypeRole).toString();
        break;
    case Choice::UrlEncoded:
        request->bodyMode = BodyMode::UrlEncoded;
        request->bodyContentType = m_rawType;
        break;
    case Choice::FormData:
        request->bodyMode = BodyMode::FormData;
        request->bodyContentType = m_rawType;
        break;
    case Choice::Binary:
        request->bodyMode = BodyMode::Binary;
        request->bodyContentType = m_fileType->text().trimmed();
        break;
    case Choice::GraphQL:
        request->bodyMode = BodyMode::GraphQL;
        request->bodyContentType = m_rawType;
        break;
    }
}

void BodyEditor::copyBodyFields(const HttpRequest &from, HttpRequest *request)
{
    request->body = from.body;
    request->formFields = from.formFields;
    request->formParts = from.formParts;
    request->bodyFile = from.bodyFile;
    request->files = FileAccess();
    request->graphqlQuery = from.graphqlQuery;
    request->graphqlVariables = from.graphqlVariables;
    request->bodyMode = from.bodyMode;
    request->bodyContentType
        = from.bodyMode == BodyMode::Binary ? from.bodyContentType.trimmed() : from.bodyContentType;
}

void BodyEditor::setMethodCarriesBody(bool carries, const QString &method)
{
    m_type->setEnabled(carries);
    m_pages->setEnabled(carries);
    m_note->setVisible(!carries);
    m_note->setText(tr("A %1 request is sent without a body.").arg(method.trimmed().toUpper()));
}

void BodyEditor::onTypeChosen()
{
    const Choice choice = currentChoice();
    m_pages->setCurrentIndex(int(choice));
    if (choice == Choice::Raw)
        m_rawType = m_type->currentData(ContentTypeRole).toString();
    onEdited();
}

void BodyEditor::onEdited()
{
    if (!m_syncing)
        Q_EMIT changed();
}

QString BodyEditor::chooseWorkingDirectory(QWidget *parent, const QString &workspaceRoot,
                                           const QString &stateDirectory)
{
    const QString current = WorkingDirectory::read(workspaceRoot, stateDirectory);
    QDir().mkpath(current);
    const QString chosen = QFileDialog::getExistingDirectory(
        parent, tr("Working Directory: Postern Sends Files Only from This Folder"), current);
    if (chosen.isEmpty())
        return QString();
    if (const QString error = WorkingDirectory::write(stateDirectory, chosen); !error.isEmpty())
        return tr("The working directory was not changed: %1").arg(error);
    return tr("Working directory: %1. Requests send files only from this folder.")
        .arg(QDir::toNativeSeparators(chosen));
}

void BodyEditor::setWorkingDirectorySource(WorkingDirectorySource source)
{
    m_workingDirectory = std::move(source);
}

QString BodyEditor::chooseFile(const QString &title)
{
    m_files.setWorkingDirectory(m_workingDirectory ? m_workingDirectory() : QString());
    const QString directory = m_files.workingDirectory();
    if (!directory.isEmpty())
        QDir().mkpath(directory); // the default one is made when it is first needed
    const QString path = m_chooser(this, title, directory);
    if (path.isEmpty())
        return QString();
    if (m_files.isInWorkingDirectory(path)) {
        m_filesNote->hide();
        return m_files.pathToStore(path);
    }
    m_files.allowChosenFile(path);
    const QString text
        = tr("“%1” is outside the working directory “%2”: it is sent because you chose "
             "it, from this tab until Postern quits. Copy it into the working directory to keep it "
             "working (Settings > Working Directory…).")
              .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(directory));
    m_filesNote->setText(text);
    m_filesNote->show();
    return path;
}

void BodyEditor::chooseBodyFile()
{
    const QString path = chooseFile(tr("Choose the File to Send"));
    if (path.isEmpty())
        return;
    m_file->setText(path);
    onEdited();
}

void BodyEditor::choosePartFile()
{
    FormPartsModel *model = m_parts->formPartsModel();
    const int row = m_parts->currentIndex().isValid() ? m_parts->currentIndex().row() : model->rowCount() - 1;
    const QString path = chooseFile(tr("Choose a File for the Part"));
    if (path.isEmpty())
        return;
    const bool added = model->isPlaceholderRow(row);
    model->setFile(row, path); // emits partsEdited, so changed()
    if (added && model->parts().at(row).key.isEmpty()) {
        // A new part is named after its file, ready to be renamed.
        model->setData(model->index(row, FormPartsModel::KeyColumn), QFileInfo(path).completeBaseName(),
                       Qt::EditRole);
    }
    m_parts->setCurrentIndex(model->index(row, FormPartsModel::KeyColumn));
    m_parts->setFocus(Qt::OtherFocusReason);
}

void BodyEditor::updateVariablesNote()
{
    QString error;
    RequestBody::graphqlVariables(m_variables->toPlainText(), &error);
    m_variablesNote->setText(error);
    m_variablesNote->setVisible(!error.isEmpty());
}

} // namespace Postern
