# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended

ARG GO_VERSION=1.22
ARG BASE

FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS Build
WORKDIR /src
COPY --link go.mod go.sum ./
RUN --mount=type=cache,target=/root/.cache/go-build \
    --mount=type=bind,source=.,target=/src \
    # comments inside a continuation are skipped
    go build -o /out/app ./cmd/app

FROM busybox AS runtime
ENV APP_HOME=/app \
    PATH="/app/bin:$PATH"
LABEL org.opencontainers.image.title="demo app" version=1.0
COPY --from=build --chown=1000:1000 --chmod=755 /out/app /app/bin/app
COPY <<EOF /etc/motd
hello from $APP_HOME
EOF
RUN <<-'SCRIPT' sh
	echo "no $expansion here"
	SCRIPT
EXPOSE 8080/tcp 9090
VOLUME ["/data", "/logs"]
USER 1000:1000
HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD ["/app/bin/app", "-health"]
STOPSIGNAL SIGTERM
ONBUILD RUN echo triggered
SHELL ["/bin/sh", "-c"]
ENTRYPOINT ["/app/bin/app"]
CMD ["--help"]
