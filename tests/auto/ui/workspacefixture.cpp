#include "workspacefixture.h"

#include <QAbstractButton>
#include <QApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Postern;

bool WorkspaceFixture::startSandbox()
{
    QStandardPaths::setTestModeEnabled(true);
    sandbox = std::make_unique<Sandbox::SandboxServer>(Sandbox::Registry::defaults());
    return sandbox->listen(0);
}

bool WorkspaceFixture::setUp()
{
    dataDir = std::make_unique<QTemporaryDir>();
    root = std::make_unique<QTemporaryDir>();
    tokens = std::make_unique<TokenStore>(dataDir->path());
    tokens->useSecretStore(&keychain, TokenStore::StorageMode::Keychain);
    QSignalSpy loaded(tokens.get(), &TokenStore::loaded);
    tokens->load();
    return loaded.wait(5000);
}

bool WorkspaceFixture::openWindow()
{
    window.reset();
    workspace = std::make_unique<Workspace>(root->path());
    workspace->setSecretStore(&keychain);
    if (!workspace->open())
        return false;
    window = std::make_unique<MainWindow>(&manager, tokens.get());
    window->openWorkspace(workspace.get());
    window->show();
    return QTest::qWaitForWindowExposed(window.get());
}

void WorkspaceFixture::tearDown()
{
    window.reset();
    workspace.reset();
    tokens.reset();
    root.reset();
    dataDir.reset();
}

void WorkspaceFixture::answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, qApp, [button] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (!box || !box->isVisible())
                continue;
            if (QAbstractButton *chosen = box->button(button)) {
                chosen->click();
                return;
            }
            for (QAbstractButton *candidate : box->buttons()) {
                if (box->buttonRole(candidate) == QMessageBox::DestructiveRole) {
                    candidate->click();
                    return;
                }
            }
        }
    });
}
