"""Where uploaded files live: the local filesystem by default, S3-compatible object storage on request.

With MEDIA_S3_BUCKET set, images and documents go to that bucket, shared by every application server.
The bucket stays private: no public ACL, and no bucket URL is ever given to a browser
(operations.storage.PrivateS3Storage); files reach readers only through the portal's signed-in views,
which read them with `default_storage`.
"""

from .env import env_bool, env_int, env_str


def media_in_bucket() -> bool:
    """Whether uploads go to object storage (MEDIA_S3_BUCKET) rather than MEDIA_ROOT."""
    return bool(env_str("MEDIA_S3_BUCKET"))


def accel_redirect_prefix() -> str | None:
    """MEDIA_ACCEL_REDIRECT_PREFIX: the nginx location that sends local files once Django has checked the session.
    nginx cannot read a bucket: files kept there are streamed by Django."""
    return None if media_in_bucket() else env_str("MEDIA_ACCEL_REDIRECT_PREFIX")


def media_storage() -> dict:
    """STORAGES["default"]: the local filesystem, or the private bucket MEDIA_S3_BUCKET names."""
    if not media_in_bucket():
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": env_str("MEDIA_S3_BUCKET"),
        "endpoint_url": env_str("MEDIA_S3_ENDPOINT_URL"),
        "region_name": env_str("MEDIA_S3_REGION"),
        # None: boto3 falls back to its own chain (AWS_ACCESS_KEY_ID…, instance role).
        "access_key": env_str("MEDIA_S3_ACCESS_KEY"),
        "secret_key": env_str("MEDIA_S3_SECRET_KEY"),
        "location": env_str("MEDIA_S3_PREFIX", ""),
        "default_acl": "private",
        # Two uploads of the same name must not replace each other.
        "file_overwrite": False,
        "addressing_style": env_str("MEDIA_S3_ADDRESSING_STYLE"),
        "signature_version": "s3v4",
        "verify": env_bool("MEDIA_S3_VERIFY_TLS", True),
        # A storage that does not answer must not hold a worker for long.
        "client_config": _client_config(env_int("MEDIA_S3_TIMEOUT", 10)),
    }
    return {
        "BACKEND": "operations.storage.PrivateS3Storage",
        "OPTIONS": {key: value for key, value in options.items() if value is not None},
    }


def _client_config(timeout: int):
    # botocore takes about half a second to import: only settings that use a bucket pay for it.
    from botocore.config import Config  # noqa: PLC0415

    return Config(connect_timeout=timeout, read_timeout=timeout, retries={"max_attempts": 2, "mode": "standard"})
