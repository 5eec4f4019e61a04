using System.Text.Json.Nodes;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>The alert topic's policy, set only with <c>guardDuty: true</c> (without it the topic keeps SNS's default
/// policy). A topic policy replaces SNS's default one, so it grants again what the stack relies on: the stack's
/// alarms publishing as CloudWatch. This account's IAM principals (the remediation function's role included) publish
/// through their own IAM policies, which need no statement here.</summary>
public static class TopicPolicies
{
    public const string CloudWatchServicePrincipal = "cloudwatch.amazonaws.com";

    /// <param name="alarmArnPattern">Every alarm of this stack (<see cref="ResourceNames.AlarmNamePattern"/>), so an
    /// alarm added later still notifies.</param>
    /// <param name="findingsRuleArn">The EventBridge rule that forwards GuardDuty findings.</param>
    public static string AlertTopic(string topicArn, string accountId, string alarmArnPattern, string findingsRuleArn) =>
        PolicyDocuments.Document(new JsonArray
        {
            PolicyDocuments.ServiceStatement("StackAlarmsPublish", CloudWatchServicePrincipal, "sns:Publish", topicArn,
                PolicyDocuments.SourcePatternCondition(accountId, alarmArnPattern)),
            PolicyDocuments.ServiceStatement("GuardDutyFindingsRulePublish", PolicyDocuments.EventsServicePrincipal,
                "sns:Publish", topicArn, PolicyDocuments.SourceCondition(accountId, [findingsRuleArn])),
        });
}
