# ruleid: terraform-bucket-force-destroy
resource "aws_s3_bucket" "uploads" {
  bucket        = "example-uploads"
  force_destroy = true
}

# ruleid: terraform-bucket-force-destroy
resource "google_storage_bucket" "exports" {
  name          = "example-exports"
  location      = "EU"
  force_destroy = true
}

# ok: terraform-bucket-force-destroy
resource "aws_s3_bucket" "audit" {
  bucket = "example-audit"

  lifecycle {
    prevent_destroy = true
  }
}

# ok: terraform-bucket-force-destroy
resource "google_storage_bucket" "scratch" {
  name          = "example-scratch"
  location      = "EU"
  force_destroy = false
}
