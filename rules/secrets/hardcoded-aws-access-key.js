const { S3Client } = require('@aws-sdk/client-s3');

const client = new S3Client({
  credentials: {
    // ruleid: hardcoded-aws-access-key
    accessKeyId: 'AKIA4QWERTYZXCVB7N2M',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  },
});

// ruleid: hardcoded-aws-access-key
const temporaryKey = "ASIAJ7K2L9M4N6P8Q1R3";

// ok: hardcoded-aws-access-key
const documentationKey = 'AKIAIOSFODNN7EXAMPLE';

// ok: hardcoded-aws-access-key
const fromEnvironment = process.env.AWS_ACCESS_KEY_ID;

module.exports = { client, temporaryKey, documentationKey, fromEnvironment };
