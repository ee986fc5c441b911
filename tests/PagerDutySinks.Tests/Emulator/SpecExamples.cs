using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace PagerDutySinks.Tests.Emulator;

/// <summary>The request examples of PagerDuty's Events API v2 OpenAPI description, copied verbatim so tests never need the file.</summary>
public static class SpecExamples
{
    public const string AlertEvent = """
        {
          "payload": {
            "summary": "DISK at 99% on machine prod-datapipe03.example.com",
            "timestamp": "2015-07-17T08:42:58.315+0000",
            "severity": "critical",
            "source": "prod-datapipe03.example.com",
            "component": "mysql",
            "group": "prod-datapipe",
            "class": "disk",
            "custom_details": {
              "free space": "1%",
              "ping time": "1500ms",
              "load avg": 0.75
            }
          },
          "routing_key": "e93facc04764012d7bfb002500d5d1a6",
          "dedup_key": "srv01/mysql",
          "event_action": "trigger",
          "client": "Sample Monitoring Service",
          "client_url": "https://monitoring.service.com",
          "links": [
            {
              "href": "http://pagerduty.example.com",
              "text": "An example link."
            }
          ],
          "images": [
            {
              "src": "https://chart.googleapis.com/chart?chs=600x400&chd=t:6,2,9,5,2,5,7,4,8,2,1&cht=lc&chds=a&chxt=y&chm=D,0033FF,0,0,5,1",
              "href": "https://google.com",
              "alt": "An example link with an image"
            }
          ]
        }
        """;

    public const string BuildChangeEvent = """
        {
          "routing_key": "737ea619db564d41bd9824063e1f6b08",
          "payload": {
            "summary": "Build Success: Increase snapshot create timeout to 30 seconds",
            "timestamp": "2015-07-17T08:42:58.315+0000",
            "source": "prod-build-agent-i-0b148d1040d565540",
            "custom_details": {
              "build_state": "passed",
              "build_number": "220",
              "run_time": "1236s"
            }
          },
          "links": [
            {
              "href": "https://buildpipeline.com/pagerduty/deployment/builds/220",
              "text": "View in Build Pipeline"
            }
          ],
          "images": [
            {
              "src": "https://chart.googleapis.com/chart?chs=600x400&chd=t:6,2,9,5,2,5,7,4,8,2,1&cht=lc&chds=a&chxt=y&chm=D,0033FF,0,0,5,1",
              "href": "https://google.com",
              "alt": "An example link with an image"
            }
          ]
        }
        """;

    public const string GitChangeEvent = """
        {
          "routing_key": "737ea619db564d41bd9824063e1f8au1",
          "payload": {
            "summary": "Merge Pull Request",
            "timestamp": "2015-07-17T08:42:58.315+0000",
            "source": "git",
            "custom_details": {
              "author": "Pagerduty"
            }
          },
          "links": [
            {
              "href": "https://buildpipeline.com/pagerduty/deployment/builds/220",
              "text": "View in Build Pipeline"
            }
          ]
        }
        """;

    /// <summary>The spec file, when it is present beside the repository (<c>../shared</c>) or at <c>/work/shared</c>.</summary>
    public static string? FindSpecFile()
    {
        var candidates = new List<string> { "/work/shared/pagerduty/events-v2.openapi.json" };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PagerDutySinks.sln")))
            {
                candidates.Insert(0, Path.Combine(dir.FullName, "..", "shared", "pagerduty", "events-v2.openapi.json"));
                break;
            }
        }

        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The request examples of one path of the spec, e.g. <c>/enqueue</c>, by name.</summary>
    public static IReadOnlyDictionary<string, JsonNode> ReadExamples(string specFile, string path)
    {
        var spec = JsonNode.Parse(File.ReadAllText(specFile))!;
        var examples = spec["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject();
        return examples.ToDictionary(pair => pair.Key, pair => pair.Value!["value"]!.DeepClone());
    }
}
