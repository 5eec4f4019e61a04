using NUnit.Framework;
using OrdersPipeline.Functions;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Utilities;
using static OrdersPipeline.Infra.Tests.Ingest.IngestRun;

namespace OrdersPipeline.Infra.Tests.Ingest;

[TestFixture]
[NonParallelizable]
public sealed class HttpIngestTests
{
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithIngest().RunAsync();

    [Test]
    public void Post_orders_requires_an_api_key_and_validates_the_body_against_the_order_model()
    {
        var method = _run.Single(ResourceTypes.ApiMethod);
        var model = _run.Single(ResourceTypes.ApiModel);
        var validator = _run.Single(ResourceTypes.ApiRequestValidator);
        Assert.Multiple(() =>
        {
            Assert.That(_run.Single(ResourceTypes.ApiResource).String("pathPart"), Is.EqualTo("orders"));
            Assert.That(_run.Single(ResourceTypes.ApiResource).String("parentId"), Is.EqualTo(MockAws.RootResourceId));
            Assert.That(method.String("httpMethod"), Is.EqualTo("POST"));
            Assert.That(method.Bool("apiKeyRequired"), Is.True);
            Assert.That(method.String("requestValidatorId"), Is.EqualTo("validate-body-id"));
            Assert.That(method.Object("requestModels")["application/json"], Is.EqualTo("Order"));
            Assert.That(validator.Bool("validateRequestBody"), Is.True);
            Assert.That(model.String("contentType"), Is.EqualTo("application/json"));
            Assert.That(model.String("schema"), Does.Contain("\"required\":[\"orderId\",\"customerId\",\"currency\",\"items\"]"));
        });
    }

    // The deployment's trigger hashes what the provider reports for the API's resources (ApiDeploymentTrigger), so a
    // change to one of them (here: the integration's URI, which names the function) makes a new deployment.
    [Test]
    public async Task The_deployment_trigger_hashes_the_real_resources_and_changes_with_them()
    {
        static string Trigger(StackRun run) =>
            (string)run.Single(ResourceTypes.ApiDeployment).Object("triggers")["redeployment"]!;

        var same = await StackRun.WithIngest().RunAsync();
        var otherFunction = await StackRun.WithIngest().With("environment", "qa").RunAsync();

        Assert.That(Trigger(_run), Does.Match("^[0-9a-f]{64}$"));
        Assert.That(Trigger(same), Is.EqualTo(Trigger(_run)));
        Assert.That(Trigger(otherFunction), Is.Not.EqualTo(Trigger(_run)));
    }

    [Test]
    public void The_integration_is_a_lambda_proxy_to_the_http_ingest_function()
    {
        var integration = _run.Single(ResourceTypes.ApiIntegration);
        Assert.Multiple(() =>
        {
            Assert.That(integration.String("type"), Is.EqualTo("AWS_PROXY"));
            Assert.That(integration.String("integrationHttpMethod"), Is.EqualTo("POST"));
            Assert.That(integration.String("uri"), Is.EqualTo(MockAws.InvokeArn(MockAws.FunctionArn(HttpFunction))));
        });
    }

    [Test]
    public void Only_this_apis_stage_method_and_path_may_invoke_the_function()
    {
        var permission = _run.OfType(ResourceTypes.LambdaPermission).Single(p => p.String("principal") == "apigateway.amazonaws.com");
        Assert.Multiple(() =>
        {
            Assert.That(permission.String("action"), Is.EqualTo("lambda:InvokeFunction"));
            Assert.That(permission.String("function"), Is.EqualTo(HttpFunction));
            Assert.That(permission.String("sourceArn"), Is.EqualTo(MockAws.ExecutionArn(MockAws.RestApiId) + "/v1/POST/orders"));
        });
    }

    [Test]
    public void The_usage_plan_has_the_default_quota_and_throttling_and_is_attached_to_the_stage_and_key()
    {
        var plan = _run.Single(ResourceTypes.UsagePlan);
        var stage = RegisteredResource.AsObject(plan.List("apiStages").Single());
        var quota = plan.Object("quotaSettings");
        var throttle = plan.Object("throttleSettings");
        var planKey = _run.Single(ResourceTypes.UsagePlanKey);
        Assert.Multiple(() =>
        {
            Assert.That(stage["apiId"], Is.EqualTo(MockAws.RestApiId));
            Assert.That(stage["stage"], Is.EqualTo("v1"));
            Assert.That(quota["limit"], Is.EqualTo(10_000d));
            Assert.That(quota["period"], Is.EqualTo("DAY"));
            Assert.That(throttle["rateLimit"], Is.EqualTo(50d));
            Assert.That(throttle["burstLimit"], Is.EqualTo(100d));
            Assert.That(planKey.String("keyType"), Is.EqualTo("API_KEY"));
            Assert.That(planKey.String("keyId"), Is.EqualTo("dev-orders-api-key-backend-id"));
            Assert.That(planKey.String("usagePlanId"), Is.EqualTo("dev-orders-api-usage-plan-backend-id"));
        });
    }

    [Test]
    public async Task Quota_and_throttling_come_from_config()
    {
        var run = await StackRun.WithIngest().With("apiQuotaPerDay", "500").With("apiRateLimitPerSecond", "7")
            .With("apiBurstLimit", "9").RunAsync();
        var plan = run.Single(ResourceTypes.UsagePlan);
        Assert.That((plan.Object("quotaSettings")["limit"], plan.Object("throttleSettings")["rateLimit"],
            plan.Object("throttleSettings")["burstLimit"]), Is.EqualTo((500d, 7d, 9d)));
    }

    [Test]
    public void The_api_key_value_is_left_to_aws()
    {
        var key = _run.Single(ResourceTypes.ApiKey);
        Assert.That(key.Has("value"), Is.False);
        Assert.That(key.Bool("enabled"), Is.True);
    }

    [Test]
    public void The_stage_has_access_logs_in_its_own_log_group_xray_and_detailed_metrics()
    {
        var stage = _run.Single(ResourceTypes.ApiStage);
        var logs = stage.Object("accessLogSettings");
        var accessLogGroup = _run.Single(ResourceTypes.LogGroup, "/aws/apigateway/dev-orders-api-backend");
        var settings = _run.Single(ResourceTypes.ApiMethodSettings);
        Assert.Multiple(() =>
        {
            Assert.That(stage.String("stageName"), Is.EqualTo("v1"));
            Assert.That(stage.Bool("xrayTracingEnabled"), Is.True);
            Assert.That(logs["destinationArn"], Is.EqualTo(MockAws.LogGroupArn("/aws/apigateway/dev-orders-api-backend")));
            Assert.That((string)logs["format"]!, Does.Contain("$context.requestId"));
            Assert.That(accessLogGroup.Number("retentionInDays"), Is.EqualTo(14));
            Assert.That(settings.String("methodPath"), Is.EqualTo("*/*"));
            Assert.That(settings.Object("settings")["metricsEnabled"], Is.True);
        });
    }

    // The stage's access logs need the region's CloudWatch Logs role, so the defaults set it (the stage waits for
    // it), with a role AWS names from a prefix: destroy keeps both (docs/deploying.md).
    [Test]
    public void By_default_the_account_cloudwatch_role_is_set_with_a_role_only_api_gateway_may_assume()
    {
        const string role = "http-ingest-apigateway-cloudwatch-role";
        var account = _run.Single(ResourceTypes.ApiAccount);
        var created = _run.OfType(ResourceTypes.Role).Single(r => r.Name == role);
        var attachment = _run.OfType(ResourceTypes.RolePolicyAttachment)
            .Single(a => a.Name == "http-ingest-apigateway-cloudwatch-logs");
        Assert.Multiple(() =>
        {
            Assert.That(account.String("cloudwatchRoleArn"), Is.EqualTo(MockAws.RoleArn(role)));
            Assert.That(created.String("namePrefix"), Is.EqualTo(AccountSingletons.ApiGatewayLogsRolePrefix));
            Assert.That(created.Has("name"), Is.False);
            Assert.That(created.String("assumeRolePolicy"), Does.Contain("\"Service\":\"apigateway.amazonaws.com\""));
            Assert.That(created.String("assumeRolePolicy"), Does.Not.Contain("lambda"));
            Assert.That(attachment.String("policyArn"),
                Is.EqualTo("arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"));
        });
    }

    [Test]
    public async Task With_api_gateway_account_role_false_the_account_setting_is_not_touched()
    {
        var run = await StackRun.WithIngest().With("apiGatewayAccountRole", "false").RunAsync();

        Assert.That(run.OfType(ResourceTypes.ApiAccount), Is.Empty);
        Assert.That(run.OfType(ResourceTypes.Role).Select(r => r.Name), Has.None.Contain("apigateway"));
    }

    [Test]
    public void The_function_may_only_put_and_update_orders_and_write_its_logs()
    {
        var policy = _run.Single(ResourceTypes.RolePolicy, "dev-http-ingest-policy-backend");
        Assert.That(policy.String("role"), Is.EqualTo("dev-http-ingest-role-backend"));
        Assert.That(Grants(policy), Is.EqualTo(new[]
        {
            ("WriteOrders", "dynamodb:PutItem,dynamodb:UpdateItem", MockAws.TableArn(OrdersTable)),
            ("WriteOwnLogs", "logs:CreateLogStream,logs:PutLogEvents", MockAws.LogGroupArn("/aws/lambda/" + HttpFunction) + ":*"),
        }));
    }

    [Test]
    public void The_function_runs_the_http_handler_with_the_orders_table_name()
    {
        var function = _run.Single(ResourceTypes.Function, HttpFunction);
        Assert.Multiple(() =>
        {
            Assert.That(function.String("handler"), Is.EqualTo(Handlers.HttpIngest));
            Assert.That(function.String("runtime"), Is.EqualTo("dotnet10"));
            Assert.That(Env(function)["ORDERS_TABLE_NAME"], Is.EqualTo(OrdersTable));
            Assert.That(function.Object("tracingConfig")["mode"], Is.EqualTo("Active"));
        });
    }

    [Test]
    public void Gateway_answers_carry_the_request_id_and_a_refused_body_is_problem_details()
    {
        var responses = _run.OfType(ResourceTypes.GatewayResponse).ToDictionary(r => r.String("responseType"));
        Assert.Multiple(() =>
        {
            Assert.That(responses.Keys, Is.EquivalentTo(new[] { "BAD_REQUEST_BODY", "DEFAULT_4XX", "DEFAULT_5XX" }));
            Assert.That(responses.Values.Select(r => r.Object("responseParameters")["gatewayresponse.header.X-Request-Id"]),
                Has.All.EqualTo("context.requestId"));
            Assert.That((string)responses["BAD_REQUEST_BODY"].Object("responseTemplates")["application/json"]!,
                Does.Contain("\"status\":400").And.Contain("$context.error.validationErrorString")
                    .And.Contain("\"type\":\"https://orders-pipeline.dev/problems/invalid-order\""));
            Assert.That(responses["BAD_REQUEST_BODY"].Object("responseParameters")["gatewayresponse.header.Content-Type"],
                Is.EqualTo("'application/problem+json'"));
        });
    }

    [Test]
    public async Task The_stack_exports_the_url_and_the_key_id_but_never_a_key_value()
    {
        var stack = _run.Stack;
        Assert.Multiple(async () =>
        {
            Assert.That(await OutputUtilities.GetValueAsync(stack.OrdersApiUrl),
                Is.EqualTo(MockAws.InvokeUrl(MockAws.RestApiId, "v1") + "/orders"));
            Assert.That(await OutputUtilities.GetValueAsync(stack.OrdersApiKeyId), Is.EqualTo("dev-orders-api-key-backend-id"));
        });
        var outputs = typeof(PipelineStack).GetProperties()
            .Where(p => p.GetCustomAttributes(typeof(OutputAttribute), false).Length > 0)
            .Select(p => p.Name);
        Assert.That(outputs, Has.None.Contains("KeyValue").And.None.EqualTo("OrdersApiKey"));
        await Task.CompletedTask;
    }
}
