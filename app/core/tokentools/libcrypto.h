#pragma once

#include <QString>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

// Every libcrypto function that signingkey.cpp and jwtverifier.cpp call.
#define POSTERN_LIBCRYPTO_FUNCTIONS(F)                                                                       \
    F(BIO_ctrl)                                                                                              \
    F(BIO_free)                                                                                              \
    F(BIO_new)                                                                                               \
    F(BIO_new_mem_buf)                                                                                       \
    F(BIO_s_mem)                                                                                             \
    F(BN_bin2bn)                                                                                             \
    F(BN_bn2binpad)                                                                                          \
    F(BN_free)                                                                                               \
    F(BN_num_bits)                                                                                           \
    F(d2i_ECDSA_SIG)                                                                                         \
    F(d2i_PKCS12_bio)                                                                                        \
    F(ECDSA_SIG_free)                                                                                        \
    F(ECDSA_SIG_get0_r)                                                                                      \
    F(ECDSA_SIG_get0_s)                                                                                      \
    F(ECDSA_SIG_new)                                                                                         \
    F(ECDSA_SIG_set0)                                                                                        \
    F(ERR_clear_error)                                                                                       \
    F(EVP_DigestSign)                                                                                        \
    F(EVP_DigestSignInit)                                                                                    \
    F(EVP_DigestVerify)                                                                                      \
    F(EVP_DigestVerifyInit)                                                                                  \
    F(EVP_PKEY_Q_keygen)                                                                                     \
    F(EVP_MD_CTX_free)                                                                                       \
    F(EVP_MD_CTX_new)                                                                                        \
    F(EVP_PKEY_CTX_free)                                                                                     \
    F(EVP_PKEY_CTX_new_from_name)                                                                            \
    F(EVP_PKEY_CTX_new_from_pkey)                                                                            \
    F(EVP_PKEY_CTX_set_rsa_mgf1_md)                                                                          \
    F(EVP_PKEY_CTX_set_rsa_padding)                                                                          \
    F(EVP_PKEY_CTX_set_rsa_pss_saltlen)                                                                      \
    F(EVP_PKEY_free)                                                                                         \
    F(EVP_PKEY_fromdata)                                                                                     \
    F(EVP_PKEY_fromdata_init)                                                                                \
    F(EVP_PKEY_get_bits)                                                                                     \
    F(EVP_PKEY_get_bn_param)                                                                                 \
    F(EVP_PKEY_get_group_name)                                                                               \
    F(EVP_PKEY_is_a)                                                                                         \
    F(EVP_PKEY_public_check)                                                                                 \
    F(EVP_sha256)                                                                                            \
    F(EVP_sha384)                                                                                            \
    F(EVP_sha512)                                                                                            \
    F(i2d_ECDSA_SIG)                                                                                         \
    F(OPENSSL_cleanse)                                                                                       \
    F(OSSL_PARAM_BLD_free)                                                                                   \
    F(OSSL_PARAM_BLD_new)                                                                                    \
    F(OSSL_PARAM_BLD_push_BN)                                                                                \
    F(OSSL_PARAM_BLD_to_param)                                                                               \
    F(OSSL_PARAM_construct_end)                                                                              \
    F(OSSL_PARAM_construct_octet_string)                                                                     \
    F(OSSL_PARAM_construct_utf8_string)                                                                      \
    F(OSSL_PARAM_free)                                                                                       \
    F(PEM_read_bio_PrivateKey)                                                                               \
    F(PEM_write_bio_PrivateKey)                                                                              \
    F(PKCS12_free)                                                                                           \
    F(PKCS12_parse)                                                                                          \
    F(X509_free)

namespace Postern {

// libcrypto (OpenSSL 3), loaded the first time a key is read or made or a signature is checked, not
// linked: it is the largest library Postern uses, and loading and relocating it at every start cost
// the first frame a few milliseconds (tests/benchmarks/bench_start) for what only JWT work needs.
// The headers still give every function its type; Qt Network loads the same library for TLS.
struct LibCrypto
{
#define POSTERN_LIBCRYPTO_POINTER(name) decltype(&::name) name = nullptr;
    POSTERN_LIBCRYPTO_FUNCTIONS(POSTERN_LIBCRYPTO_POINTER)
#undef POSTERN_LIBCRYPTO_POINTER

    // The functions, the library loaded on the first call (from any thread); nullptr, with a sentence
    // for the user in *error when error is given, when it cannot be loaded or lacks a function.
    static const LibCrypto *load(QString *error = nullptr);
};

} // namespace Postern
