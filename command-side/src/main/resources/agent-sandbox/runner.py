# Runs one agent entrypoint inside the sandbox process. Reads {"package", "entrypoint", "payload",
# "nonce", "limits", "mode"} from stdin; prints the result as one line "<nonce> <json>" on stdout.
import importlib, json, os, resource, sys, traceback

request = json.loads(sys.stdin.read())
limits = request["limits"]
os.setsid()  # a process group of its own: a timeout or cancel kills the whole tree
resource.setrlimit(resource.RLIMIT_AS, (limits["memory_bytes"], limits["memory_bytes"]))
resource.setrlimit(resource.RLIMIT_CPU, (limits["cpu_seconds"], limits["cpu_seconds"]))
resource.setrlimit(resource.RLIMIT_FSIZE, (limits["file_bytes"], limits["file_bytes"]))
resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

nonce = request["nonce"]
out = os.fdopen(os.dup(1), "w")


def answer(body):
    out.write(nonce + " " + json.dumps(body, default=str) + "\n")
    out.flush()


try:
    sys.path.insert(0, request["package"])
    module_name, function_name = request["entrypoint"].split(":")
    module = importlib.import_module(module_name)
    function = getattr(module, function_name, None)
    if not callable(function):
        answer({"ok": False, "error": "entrypoint " + request["entrypoint"] + " is not a callable"})
    elif request["mode"] == "check":
        answer({"ok": True})
    else:
        result = function(request["payload"])
        sys.stdout.flush()
        answer({"ok": True, "result": result})
except BaseException as failure:
    traceback.print_exc(limit=5)
    answer({"ok": False, "error": type(failure).__name__ + ": " + str(failure)[:2000]})
