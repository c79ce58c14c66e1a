#include "conformance.h"
#include "nodecc/cluster.h"

using namespace nodecc;

NODECC_CONFORMANCE_CASE(messages) {
  if (cluster::isPrimary()) {
    // The runner needs the case name to run this case again (Node: process.argv.slice(2)).
    cluster::settings().args = conformance::selfArgs();
    auto got = std::make_shared<std::vector<std::string>>();
    std::vector<cluster::WorkerPtr> workers{cluster::fork(), cluster::fork()};
    auto done = std::make_shared<int>(0);
    cluster::on("message", [got, done](cluster::WorkerPtr worker, const Value& message,
                                       child_process::SendHandle handle) {
      got->push_back("cluster message from " + std::to_string(worker->id()) + ": " +
                     message.stringify() + " " + util::inspect(handle));
      if (message["hello"].truthy()) worker->send(Object{{"echo", message["hello"]}});
      if (message["gotEcho"].truthy() && ++*done == 2) {
        cluster::disconnect([got] {
          got->push_back("disconnected; workers left " + std::to_string(cluster::workers().size()));
        });
      }
    });
    // Once its channel is closed, a send fails (the callback gets the error).
    auto w0 = workers[0];
    w0->on("disconnect", [w0, got] {
      w0->send("late", [got](std::optional<Error> err) {
        got->push_back("late send: " + (err ? err->code + " " + err->message : "no error"));
      });
    });
    process::on("exit", [got] {
      std::sort(got->begin(), got->end());
      for (auto& g : *got) console::log(g);
    });
    for (auto& w : workers) {
      int id = w->id();
      w->on("message", [got, id](const Value& message) {
        got->push_back("worker " + std::to_string(id) + " message: " + message.stringify());
      });
    }
  } else {
    int id = cluster::worker()->id();
    process::on("message", [](const Value& message) {
      process::send(Object{{"gotEcho", message["echo"]}, {"viaProcess", true}});
    });
    cluster::worker()->on("message", [id](const Value& message) {
      if (message["echo"] != Value(id)) process::send(Object{{"wrong", true}});
    });
    cluster::worker()->send(Object{
        {"hello", id}, {"isWorker", cluster::isWorker()}, {"isPrimary", cluster::isPrimary()}});
  }
}
