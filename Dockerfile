# syntax=docker/dockerfile:1
#
# crosscheck as a Slack bot: a static binary (the shipped corpus is embedded)
# on a distroless base, running as a non-root user, with the data directory
# (feedback.jsonl) on a volume.
#
#   docker build -t crosscheck .
#   docker run --rm -e SLACK_BOT_TOKEN -e SLACK_APP_TOKEN -v crosscheck-data:/data crosscheck
#
# scripts/docker-build-check.sh runs the same build steps without Docker.

FROM golang:1.26 AS build
WORKDIR /src
# Modules first, so source edits do not invalidate the download layer.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ENV CGO_ENABLED=0
RUN go build -trimpath -ldflags="-s -w" -o /out/crosscheck ./cmd/crosscheck
# Fail the build, not the deployment, if the binary cannot start.
RUN /out/crosscheck --help >/dev/null && /out/crosscheck manifest >/dev/null && \
    /out/crosscheck ask --json "Did US agents operate in Sinaloa?" >/dev/null
RUN mkdir -p /out/data

# distroless/static: CA certificates (for wss://wss-primary.slack.com) and
# tzdata, no shell, no package manager; the nonroot user is uid 65532.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/crosscheck /usr/local/bin/crosscheck
# The binary embeds data derived from WordNet; its licence travels with it.
COPY --from=build /src/lexicon/WORDNET-LICENSE /usr/share/doc/crosscheck/WORDNET-LICENSE
COPY --from=build --chown=65532:65532 /out/data /data
ENV CROSSCHECK_DATA=/data \
    CROSSCHECK_METRICS_ADDR=:9090
VOLUME ["/data"]
# /healthz and /metrics; Socket Mode itself needs no inbound port.
EXPOSE 9090
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/crosscheck"]
CMD ["serve"]
