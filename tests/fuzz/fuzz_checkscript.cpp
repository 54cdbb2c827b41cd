// The script engine's input that Postern writes itself: the Assertions and Capture tables become
// post-response JavaScript (CheckScript). Whatever a row holds (one row a line: target, operator and
// value separated by tabs; a capture: "capture", variable, scope and target), the code must parse: a syntax
// error would mean a value got out of its string. QJSEngine compiles it without running it.
#include "fuzzinput.h"
#include "http/responsechecks.h"
#include "scripting/checkscript.h"

#include <QJSEngine>

#include <cstdio>
#include <cstdlib>

using namespace Postern;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    PosternFuzz::ensureApplication();
    static QJSEngine *engine = new QJSEngine;
    QList<ResponseAssertion> assertions;
    QList<ResponseCapture> captures;
    const QStringList rows = QString::fromUtf8(PosternFuzz::bytes(data, size)).split(u'\n');
    for (const QString &row : rows) {
        const QStringList cells = row.split(u'\t');
        if (cells.size() >= 2 && cells.at(0) == QStringLiteral("capture"))
            captures.append({ cells.at(1), cells.value(2), cells.value(3) });
        else if (!cells.isEmpty())
            assertions.append({ cells.value(0), cells.value(1), cells.value(2) });
    }
    const QString code = CheckScript::javaScript(assertions, captures);
    if (code.isEmpty())
        return 0;
    // Compiled as a function body, never called.
    const QJSValue compiled
        = engine->evaluate(QStringLiteral("(function () {\n") + code + QStringLiteral("\n})"));
    if (compiled.isError()
        && compiled.property(QStringLiteral("name")).toString() == QStringLiteral("SyntaxError")) {
        std::fprintf(stderr, "CheckScript wrote code that does not parse (%s):\n%s\n",
                     qPrintable(compiled.toString()), qPrintable(code));
        std::abort();
    }
    return 0;
}
