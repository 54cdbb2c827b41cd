#pragma once

#include "oauth/tokenstore.h"
#include "sandbox/sandboxserver.h"
#include "secrets/memorysecretstore.h"
#include "ui/mainwindow.h"
#include "workspace/workspace.h"

#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

// What the workspace GUI tests share: the sandbox instance, a token store over an in-memory keychain,
// a workspace in a temporary folder and the main window over it. openWindow() can be called again to
// "restart" over the same folder and keychain.
struct WorkspaceFixture
{
    bool startSandbox();
    bool setUp(); // fresh folders and token store, for each test
    bool openWindow();
    void tearDown();

    // Answers the next message box that shows with button (NoButton: its destructive button).
    static void answerNextMessageBox(QMessageBox::StandardButton button);

    std::unique_ptr<Postern::Sandbox::SandboxServer> sandbox;
    QNetworkAccessManager manager;
    Postern::MemorySecretStore keychain;
    std::unique_ptr<QTemporaryDir> dataDir;
    std::unique_ptr<QTemporaryDir> root;
    std::unique_ptr<Postern::TokenStore> tokens;
    std::unique_ptr<Postern::Workspace> workspace;
    std::unique_ptr<Postern::MainWindow> window;
};
