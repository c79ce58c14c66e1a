// nodecc/nodecc.h — everything of the runtime (Node's globals) in one include.
#pragma once

#include "nodecc/atomics.h"
#include "nodecc/buffer.h"
#include "nodecc/console.h"
#include "nodecc/environment.h"
#include "nodecc/errors.h"
#include "nodecc/events.h"
#include "nodecc/main.h"
#include "nodecc/process.h"
#include "nodecc/promise.h"
#include "nodecc/timers.h"
#include "nodecc/util.h"
#include "nodecc/value.h"
