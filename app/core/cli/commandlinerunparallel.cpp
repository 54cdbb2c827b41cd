// CommandLineRun's --parallel: one runner per iteration, at most N at a time, the output in the
// iterations' order.

#include "cli/commandlinerun.h"
#include "runner/collectionrunner.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace Postern {

void CommandLineRun::stopAll()
{
    m_stopStarting = true;
    m_queue.clear();
    if (m_runner)
        m_runner->cancel();
    for (auto &[iteration, state] : m_parallel) {
        if (state.runner)
            state.runner->cancel();
    }
}

void CommandLineRun::startParallel()
{
    const int total = m_options.iterationCount();
    for (int k = qMax(m_options.shardIndex, 0); k < total; k += qMax(m_options.shardCount, 1))
        m_queue.append(k);
    m_order = m_queue;
    m_total = int(CollectionRunner::plan(m_collection, m_options).size() * m_order.size());
    m_merged.collectionName = m_collection.name;
    m_merged.environmentName = m_environment.name;
    m_merged.iterations = total;
    m_merged.startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();
    m_lastEnvironment = m_environment.variables;
    m_lastGlobals = m_globals;
    if (m_queue.isEmpty()) {
        QTimer::singleShot(0, this, [this] { onFinished(m_merged); });
        return;
    }
    for (int i = 0; i < m_command.parallel && !m_queue.isEmpty(); ++i)
        startIteration(m_queue.takeFirst());
}

// One iteration of the whole run, from the variables as given: its own runner and script worker.
void CommandLineRun::startIteration(int iteration)
{
    Iteration &state = m_parallel[iteration];
    state.runner = std::make_unique<CollectionRunner>(m_sender.sender(), &m_client);
    CollectionRunner *runner = state.runner.get();
    connect(runner, &CollectionRunner::executionFinished, this,
            [this, iteration](const RunExecution &execution) {
                m_parallel[iteration].executions.append(execution);
            });
    connect(runner, &CollectionRunner::finished, this,
            [this, iteration](const RunReport &report) { onIterationFinished(iteration, report); });
    RunOptions options = m_options;
    options.shardIndex = iteration;
    options.shardCount = options.iterationCount(); // this iteration and no other
    runner->start(m_collection, m_environment, m_globals, options);
}

void CommandLineRun::onIterationFinished(int iteration, const RunReport &ended)
{
    Iteration &state = m_parallel[iteration];
    state.finished = true;
    CollectionRunner *runner = state.runner.get();
    m_pastSecrets += runner->secretValues();
    m_pastSecrets.removeDuplicates();
    if (iteration == m_order.constLast()) { // the exports: as the last iteration left them
        m_lastEnvironment = runner->environment();
        m_lastGlobals = runner->globals();
    }
    state.runner.release()->deleteLater(); // its finished() is still being delivered
    if (ended.canceled) {
        m_merged.canceled = true;
        m_merged.stoppedBecause = ended.stoppedBecause;
    }
    bool failed = false;
    for (const RunExecution &execution : std::as_const(state.executions))
        failed = failed || execution.failed();
    if (failed && m_command.bail && !m_stopStarting) {
        m_stopStarting = true;
        m_queue.clear();
        m_merged.stoppedBecause = u"Stopped after iteration %1 failed (--bail)."_s.arg(iteration + 1);
        // The others stop too; not from here, where a runner ending at once would come back in.
        QTimer::singleShot(0, this, &CommandLineRun::stopAll);
    }
    // Report what is complete, in the iterations' order.
    while (m_printed < m_order.size()) {
        const auto found = m_parallel.find(m_order.at(m_printed));
        if (found == m_parallel.end() || !found->second.finished)
            break;
        for (const RunExecution &execution : std::as_const(found->second.executions)) {
            m_merged.add(execution, m_options.keepPassedExecutions);
            report(execution);
        }
        found->second.executions.clear();
        ++m_printed;
    }
    if (!m_stopStarting && !m_queue.isEmpty()) {
        startIteration(m_queue.takeFirst());
        return;
    }
    for (const auto &[k, other] : m_parallel) {
        if (!other.finished)
            return; // the others still running
    }
    // Stopped early: the iterations that ended after a gap are reported too, in order.
    for (; m_printed < m_order.size(); ++m_printed) {
        const auto found = m_parallel.find(m_order.at(m_printed));
        if (found == m_parallel.end())
            continue;
        for (const RunExecution &execution : std::as_const(found->second.executions)) {
            m_merged.add(execution, m_options.keepPassedExecutions);
            report(execution);
        }
    }
    m_merged.durationMs = m_clock.elapsed();
    onFinished(m_merged);
}

} // namespace Postern
