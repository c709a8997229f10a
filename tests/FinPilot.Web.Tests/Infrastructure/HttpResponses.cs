using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace FinPilot.Web.Tests.Infrastructure;

/// <summary>Reading API answers: the status is checked first and the body shown when it is wrong.</summary>
public static class HttpResponses
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>The API's own JSON settings: web defaults and enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        }
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await response.AssertStatusAsync(expected);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>Checks the status and that the body is an RFC 9457 problem document, and returns it.</summary>
    public static async Task<HttpValidationProblemDetails> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.AssertStatusAsync(expected);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Json))!;
        Assert.Equal((int)expected, problem.Status);
        return problem;
    }

    public static Task<HttpResponseMessage> PutAsync<T>(this HttpClient client, string path, T body) =>
        client.PutAsJsonAsync(path, body, Json);

    public static Task<HttpResponseMessage> PostAsync<T>(this HttpClient client, string path, T body) =>
        client.PostAsJsonAsync(path, body, Json);
}
