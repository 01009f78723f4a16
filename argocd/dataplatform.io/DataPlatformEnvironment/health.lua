-- Argo CD health for dataplatform.io/DataPlatformEnvironment. The operator follows kstatus:
-- status.observedGeneration plus Ready, Reconciling and Stalled conditions (never Reconciling and Stalled
-- both True), and a Paused condition while spec.paused or the dataplatform.io/paused annotation holds.
-- A plan waiting for approval (Ready=False reason AwaitingApproval) is Suspended: nothing happens until a human
-- approves it. Drift a check found and nobody corrects (DriftDetected=True, spec.drift.action Report) is Degraded.
-- The message names the component that blocks Ready (status.components). Base library only, so it runs from
-- argocd-cm without useOpenLibs.

local function progressing(message)
  return { status = "Progressing", message = message }
end

-- status.components lists each part of the platform with its state (Ready, InProgress, Failed, Pending). The
-- component that blocks Ready: a Failed one first, then one the engine is working on, then one not reached.
local rank = { Failed = 1, InProgress = 2, Pending = 3 }

local function blocking()
  local best = nil
  if obj.status.components == nil then
    return nil
  end
  for _, component in ipairs(obj.status.components) do
    local r = rank[component.state]
    if r ~= nil and (best == nil or r < rank[best.state]) then
      best = component
    end
  end
  return best
end

local function describe(component)
  local name = component.name or "a component"
  if component.state == "Failed" then
    return "Blocked by " .. name .. " (" .. (component.failedResource or "a resource") .. ", "
      .. (component.failureClass or "Unknown") .. "): " .. (component.message or "no message")
  end
  local text = "Waiting for " .. name .. " (" .. component.state .. ", " .. tostring(component.resourcesDone or 0)
    .. "/" .. tostring(component.resourcesTotal or 0)
  if component.inFlight ~= nil and component.inFlight[1] ~= nil then
    text = text .. ": " .. component.inFlight[1]
  end
  return text .. ")"
end

if obj.status == nil or obj.status.conditions == nil then
  return progressing("Waiting for the operator to report status")
end

local generation = obj.metadata and obj.metadata.generation
local observed = obj.status.observedGeneration

local byType = {}
for _, condition in ipairs(obj.status.conditions) do
  if condition.type ~= nil then
    byType[condition.type] = condition
  end
end

local paused = byType["Paused"]
if paused ~= nil and paused.status == "True" then
  return { status = "Suspended", message = paused.message or "Paused" }
end

if generation ~= nil and observed ~= nil and observed ~= generation then
  return progressing("Waiting for the operator to observe generation " .. tostring(generation))
end

local stalled = byType["Stalled"]
local blocker = blocking()
if stalled ~= nil and stalled.status == "True" then
  if blocker ~= nil and blocker.state == "Failed" then
    return { status = "Degraded", message = describe(blocker) }
  end
  return { status = "Degraded", message = stalled.message or stalled.reason or "Stalled" }
end

local ready = byType["Ready"]
if ready ~= nil and ready.status == "False" and ready.reason == "AwaitingApproval" then
  return { status = "Suspended", message = ready.message or "A plan waits for approval" }
end

local reconciling = byType["Reconciling"]
if reconciling ~= nil and reconciling.status == "True" then
  local message = reconciling.message or reconciling.reason or "Reconciling"
  if blocker ~= nil then
    return progressing(message .. " " .. describe(blocker))
  end
  return progressing(message)
end

if ready == nil then
  return progressing("Waiting for the Ready condition")
end

if generation ~= nil and ready.observedGeneration ~= nil and ready.observedGeneration ~= generation then
  return progressing("The Ready condition describes generation " .. tostring(ready.observedGeneration))
end

local drift = byType["DriftDetected"]
if ready.status == "True" and drift ~= nil and drift.status == "True" then
  return { status = "Degraded", message = drift.message or "The stack drifted from its program" }
end

if ready.status == "True" then
  return { status = "Healthy", message = ready.message or "" }
end

return progressing(ready.message or ready.reason or "Not ready")
