using System.Diagnostics;
using DataPlatform.Operator.Engine;
using DataPlatform.Operator.Metrics;
using DataPlatform.Operator.Webhooks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Hosting;

/// <summary>
/// The webhook's HTTP side: a review larger than Webhook:MaxRequestBodyBytes is refused with 413 from its
/// Content-Length before a byte of it is read (or as soon as a chunked body passes the bound), a body that does not
/// arrive within Webhook:RequestTimeout gets 408, and every answer is counted by HTTP code. What a review means is
/// decided by <see cref="AdmissionReviewHandler"/>.
/// </summary>
internal static class WebhookEndpoint
{
    public static void Map(WebApplication app, WebhookOptions options)
    {
        var admission = AdmissionReviewHandler.Preflight(app.Services.GetRequiredService<IOptions<EngineModeOptions>>().Value.Job);
        var tenancy = app.Services.GetService<TenancyAdmission>();
        var metrics = app.Services.GetRequiredService<OperatorMetrics>().Webhook;
        var name = AdmissionReviewHandler.Path;
        metrics.Declare(name);
        app.MapPost(AdmissionReviewHandler.Path, async (HttpContext context) =>
        {
            var started = Stopwatch.GetTimestamp();
            metrics.Started(name);
            var code = StatusCodes.Status500InternalServerError;
            try
            {
                (code, var result) = await HandleAsync(context, admission, tenancy, options);
                return result;
            }
            finally
            {
                metrics.Finished(name, code, Stopwatch.GetElapsedTime(started));
            }
        });
    }

    private static async Task<(int Code, IResult Result)> HandleAsync(HttpContext context, AdmissionReviewHandler admission, TenancyAdmission? tenancy, WebhookOptions options)
    {
        var limit = options.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(options.RequestTimeout);
        string body;
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            body = await reader.ReadToEndAsync(timeout.Token);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            return (StatusCodes.Status408RequestTimeout, Results.Text(
                $"the AdmissionReview did not arrive within {options.RequestTimeout.TotalSeconds:0.#} s.", statusCode: StatusCodes.Status408RequestTimeout));
        }

        var review = admission.Handle(body);
        if (tenancy is not null && review["response"]?["allowed"]?.GetValue<bool>() == true
            && await tenancy.JudgeAsync(body, timeout.Token) is { } denial)
        {
            review = AdmissionReviewHandler.Deny(review, denial);
        }

        return (StatusCodes.Status200OK, Results.Json(review));
    }

    private static (int, IResult) TooLarge(long limit) => (StatusCodes.Status413PayloadTooLarge, Results.Text(
        $"the AdmissionReview is larger than the webhook's limit of {limit} bytes (Webhook:MaxRequestBodyBytes).", statusCode: StatusCodes.Status413PayloadTooLarge));
}
