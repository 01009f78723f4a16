namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>Answers <c>GET /api/v1/namespaces/{ns}/pods/{name}/log</c> (with <c>follow</c>) for the pods a kubelet runs.</summary>
public interface IPodLogSource
{
    Task ServeAsync(HttpContext context, string ns, string pod);
}
