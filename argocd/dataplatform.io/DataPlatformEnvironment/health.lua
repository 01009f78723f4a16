-- Argo CD health for dataplatform.io/DataPlatformEnvironment. The operator follows kstatus:
-- status.observedGeneration plus Ready, Reconciling and Stalled conditions (never Reconciling and Stalled
-- both True), and a Paused condition while spec.paused or the dataplatform.io/paused annotation holds.
-- Base library only, so it runs from argocd-cm without useOpenLibs.

local function progressing(message)
  return { status = "Progressing", message = message }
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
if stalled ~= nil and stalled.status == "True" then
  return { status = "Degraded", message = stalled.message or stalled.reason or "Stalled" }
end

local reconciling = byType["Reconciling"]
if reconciling ~= nil and reconciling.status == "True" then
  return progressing(reconciling.message or reconciling.reason or "Reconciling")
end

local ready = byType["Ready"]
if ready == nil then
  return progressing("Waiting for the Ready condition")
end

if generation ~= nil and ready.observedGeneration ~= nil and ready.observedGeneration ~= generation then
  return progressing("The Ready condition describes generation " .. tostring(ready.observedGeneration))
end

if ready.status == "True" then
  return { status = "Healthy", message = ready.message or "" }
end

return progressing(ready.message or ready.reason or "Not ready")
